package dev.glassbox.cli.interp;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code glassbox interp}: interpretability methods, each writing JSON and an HTML report. */
@Command(name = "interp", mixinStandardHelpOptions = true,
        description = "Look inside a model: patching, path patching, attribution, ablation, logit lens, decomposition, attention, QK/OV circuits."
                + " Positions count the model's tokens, BOS included (position 0).",
        subcommands = {CacheCommand.class, DecomposeCommand.class, LogitLensCommand.class, AttributeCommand.class,
                AblateCommand.class, PatchCommand.class, PathPatchCommand.class, AttentionCommand.class, SvdCommand.class, SelfRepairCommand.class, ChoiceCommand.class})
public final class InterpCommand implements Runnable {
    @Spec CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
