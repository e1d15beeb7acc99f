package dev.tern.cli;

import dev.tern.server.StoreMaintenance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tern store}: maintenance of the durable store while the broker is stopped. */
@Command(
        name = "store",
        header = "Maintain the durable store (the broker must be stopped).",
        subcommands = {StoreCommand.Repair.class})
final class StoreCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return CommandLine.ExitCode.USAGE;
    }

    /** {@code tern store repair}. */
    @Command(
            name = "repair",
            header = "Salvage what can be read from a store that will not open.",
            description = {
                "Runs RocksDB's repair on the store (by default DATA_DIR/store, with data.dir from --config and --set"
                        + " as for 'tern start', or the directory given with --dir), then checks that it opens. Records"
                        + " that cannot be read are lost; everything else is kept. Stop the broker first.",
                ""
            },
            exitCodeListHeading = "%nExit status:%n",
            exitCodeList = {
                "0:repaired: the broker can start on it",
                "1:could not be repaired (the message says what to do)",
                "2:bad configuration or arguments"
            },
            footerHeading = "%nExamples:%n",
            footer = {"  tern store repair", "  tern store repair --dir /var/lib/tern/store"})
    static final class Repair implements Callable<Integer> {
        @Spec
        private CommandSpec spec;

        @Option(names = "--dir", paramLabel = "DIR", description = "The store directory (DATA_DIR/store).")
        private Path dir;

        @Option(
                names = {"-c", "--config"},
                paramLabel = "FILE",
                description = "The YAML configuration file the broker runs with, for data.dir.")
        private Path configFile;

        @Option(
                names = {"-s", "--set"},
                paramLabel = "KEY=VALUE",
                description = "A configuration key, as for 'tern start' (data.dir=DIR). Repeatable.")
        private List<String> settings = new ArrayList<>();

        @Override
        public Integer call() {
            return StoreMaintenance.repair(
                    Optional.ofNullable(dir),
                    Optional.ofNullable(configFile),
                    settings,
                    spec.commandLine().getOut(),
                    spec.commandLine().getErr());
        }
    }
}
