package dev.tern.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code tern} command: the entry point of {@code tern.jar}. Without a subcommand it prints its usage. Its
 * {@code --help} and {@code --version} options are inherited by every subcommand.
 */
@Command(
        name = "tern",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        scope = ScopeType.INHERIT,
        description = "Tern: an MQTT broker and IoT connectivity hub.",
        subcommands = {StartCommand.class, StoreCommand.class, PasswdCommand.class, CommandLine.HelpCommand.class},
        footer = {"", "Run 'tern help <command>' for the options of one command."})
public final class TernCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    TernCommand() {}

    /** Runs the command line and exits the JVM with the command's exit code. */
    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured picocli command line; tests run it in-process. */
    static CommandLine commandLine() {
        return new CommandLine(new TernCommand());
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }
}
