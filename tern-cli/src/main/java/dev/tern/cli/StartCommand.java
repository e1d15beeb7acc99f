package dev.tern.cli;

import dev.tern.server.ForegroundServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code tern start}: runs the broker in the foreground until SIGTERM or SIGINT. */
@Command(
        name = "start",
        header = "Run the broker: MQTT on port 1883, data under ./data.",
        description = {
            "Runs the broker in the foreground. Without options it listens for MQTT on tcp 0.0.0.0:1883, keeps its"
                    + " data under ./data and accepts anonymous clients from loopback addresses only.",
            "",
            "When it is ready it prints one line that says where it listens and how to connect, such as 'Tern 0.1.0"
                    + " ready: MQTT on tcp 0.0.0.0:1883 (data in /srv/data). Try: mosquitto_sub -h 127.0.0.1 -p 1883 -t"
                    + " '#' -v'.",
            "Port 0 picks a free port, which the ready line names: --set mqtt.tcp.port=0",
            "",
            "SIGTERM or SIGINT (Ctrl-C) stops it: no new connections, clients are disconnected (MQTT 5 clients are told"
                    + " 'server shutting down'), and it exits with 0.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:stopped by SIGTERM or SIGINT",
            "1:could not start (such as a port in use)",
            "2:bad configuration or arguments (nothing was started)"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tern start",
            "  tern start --set mqtt.tcp.port=1884 --set auth.allow_anonymous=true",
            "  tern start --config tern.yaml --set sys.interval=0",
            "",
            "Every configuration key, its default and the values it takes are in docs/configuration.md."
        })
final class StartCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = {"-c", "--config"},
            paramLabel = "FILE",
            description = "A YAML configuration file. Keys it leaves out keep their defaults.")
    private Path configFile;

    @Option(
            names = {"-s", "--set"},
            paramLabel = "KEY=VALUE",
            description = "Sets one configuration key, such as mqtt.tcp.port=1884; applied after the file, in order."
                    + " Repeatable.")
    private List<String> settings = new ArrayList<>();

    @Override
    public Integer call() {
        return ForegroundServer.run(
                Optional.ofNullable(configFile),
                settings,
                spec.commandLine().getOut(),
                spec.commandLine().getErr());
    }
}
