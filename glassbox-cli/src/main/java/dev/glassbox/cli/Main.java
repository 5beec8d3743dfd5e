package dev.glassbox.cli;

import dev.glassbox.core.GlassboxException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code glassbox} command. Exit status: 0 success, 1 a check that ran and failed (verify found
 * mismatches), 2 a user error (bad flag, bad file, bad input), with one message and no stack trace.
 */
@Command(name = "glassbox", mixinStandardHelpOptions = true, version = "glassbox 0.1.0",
        description = "Compile RASP programs into transformers, run them with hooks, and look inside.",
        subcommands = {DemoCommand.class, CompileCommand.class, RunCommand.class, VerifyCommand.class,
                ResidualCommand.class, GenerateCommand.class, TokenizeCommand.class, LogitsCommand.class, InspectCommand.class, ConvertCommand.class, BenchCommand.class,
                dev.glassbox.cli.interp.InterpCommand.class, CommandLine.HelpCommand.class})
public final class Main {
    public static final int USER_ERROR = 2;

    public static void main(String[] args) {
        System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
    }

    /** Every subcommand, however deep, answers --help and --version like the top-level command. */
    private static void withHelpOptions(CommandLine command) {
        command.getCommandSpec().mixinStandardHelpOptions(true);
        command.getSubcommands().values().forEach(Main::withHelpOptions);
    }

    /** Runs the CLI with the given streams; returns the exit status. Used by tests too. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        CommandLine cli = new CommandLine(new Main());
        withHelpOptions(cli);
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof GlassboxException) {
                commandLine.getErr().println("error: " + e.getMessage());
                return USER_ERROR;
            }
            throw e;
        });
        cli.setParameterExceptionHandler((e, a) -> {
            CommandLine cmd = e.getCommandLine();
            cmd.getErr().println("error: " + e.getMessage());
            cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help' for usage.");
            return USER_ERROR;
        });
        int status = cli.execute(args);
        out.flush();
        err.flush();
        return status;
    }
}
