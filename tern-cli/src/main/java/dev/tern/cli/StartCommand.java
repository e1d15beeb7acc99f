package dev.tern.cli;

import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Placeholder for {@code tern start}: the broker does not exist yet, so this only says so and exits with 2. It takes
 * any arguments, so that scripts written for the real command get the same clear message.
 */
@Command(
        name = "start",
        header = "Run the broker (not yet available: arrives with issue 3).",
        description = {
            "Will run the broker: MQTT on port 1883, data under ./data.",
            "Not yet available: arrives with the broker core (issue 3). Until then it prints that and exits with 2."
        })
final class StartCommand implements Callable<Integer> {

    static final int NOT_YET_AVAILABLE = 2;

    @Spec
    private CommandSpec spec;

    @Unmatched
    private List<String> ignoredArguments;

    @Override
    public Integer call() {
        spec.commandLine().getErr().println("tern start: not yet available: arrives with the broker core (issue 3)");
        return NOT_YET_AVAILABLE;
    }
}
