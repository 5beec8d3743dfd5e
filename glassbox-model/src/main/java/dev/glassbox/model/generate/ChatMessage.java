package dev.glassbox.model.generate;

import java.util.Objects;

/** One turn of a conversation, for a chat template. */
public record ChatMessage(Role role, String content) {

    /** Who speaks. */
    public enum Role {
        /** Instructions for the model; Gemma has no turn for them and puts them at the start of the next user turn. */
        SYSTEM,
        USER,
        /** The model's own turn ("model" in Gemma's format). */
        ASSISTANT
    }

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
    }

    public static ChatMessage user(String content) {
        return new ChatMessage(Role.USER, content);
    }
}
