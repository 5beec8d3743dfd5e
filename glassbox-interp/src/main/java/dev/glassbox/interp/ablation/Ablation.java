package dev.glassbox.interp.ablation;

import dev.glassbox.interp.names.Component;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One ablation: these components, at one position (or every position when null), replaced as
 * {@code kind} says. A layer is {@code blocks.L} (its attention and MLP); a position alone is the
 * embeddings there ({@code embed} and {@code pos_embed} at that position).
 */
public record Ablation(List<Component> components, Integer position, AblationKind kind) {
    public Ablation {
        components = List.copyOf(components);
        if (components.isEmpty()) throw new IllegalArgumentException("an ablation needs at least one component");
    }

    public static Ablation of(Component component, Integer position, AblationKind kind) {
        return new Ablation(List.of(component), position, kind);
    }

    /** The token at a position knocked out: its token and position embeddings. */
    public static Ablation position(int position, AblationKind kind) {
        return new Ablation(List.of(Component.embed(), Component.posEmbed()), position, kind);
    }

    /** The components' names joined with "+". */
    public String name() {
        return components.stream().map(Component::name).collect(Collectors.joining("+"));
    }
}
