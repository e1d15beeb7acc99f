package dev.tern.cli;

import dev.tern.auth.password.PasswordFileEditor;
import dev.tern.auth.password.ScramCredential;
import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code tern passwd}: adds, updates and deletes users of a password file, like mosquitto_passwd. */
@Command(
        name = "passwd",
        header = "Add, update or delete a user of a password file.",
        description = {
            "Sets USER's password in FILE, adding the user if it is new. The password is asked for twice, without echo,"
                    + " on a terminal; otherwise it is read from the first line of standard input; with -b it is the"
                    + " third argument (visible to other users of this machine: avoid it outside scripts).",
            "",
            "Each line of FILE is USER:CREDENTIALS, where the credentials are SCRAM-SHA-512 and SCRAM-SHA-256 keys"
                    + " derived by salted PBKDF2 (see docs/security.md). The file is replaced atomically and readable by"
                    + " its owner only; a running broker with auth.password_file=FILE picks the change up within"
                    + " auth.reload_interval seconds.",
            ""
        },
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {
            "0:done",
            "1:the file could not be read or written, or the user to delete is not in it",
            "2:bad arguments, or the two passwords differ"
        },
        footerHeading = "%nExamples:%n",
        footer = {
            "  tern passwd -c /etc/tern/passwd alice     (create the file with alice in it)",
            "  tern passwd /etc/tern/passwd bob          (add bob, or change his password)",
            "  tern passwd -b /etc/tern/passwd bob s3cret",
            "  tern passwd -D /etc/tern/passwd bob       (delete bob)"
        })
final class PasswdCommand implements Callable<Integer> {
    @Spec
    private CommandSpec spec;

    @Option(names = "-c", description = "Create FILE, replacing it if it exists, with USER alone in it.")
    private boolean create;

    @Option(names = "-D", description = "Delete USER from FILE.")
    private boolean delete;

    @Option(names = "-b", description = "Batch mode: take the password from the command line.")
    private boolean batch;

    @Option(
            names = "--iterations",
            paramLabel = "N",
            description = "PBKDF2 iterations, at least 4096 (default: ${DEFAULT-VALUE}).")
    private int iterations = PasswordFileEditor.DEFAULT_ITERATIONS;

    @Parameters(index = "0", paramLabel = "FILE", description = "The password file.")
    private Path file;

    @Parameters(index = "1", paramLabel = "USER", description = "The username.")
    private String user;

    @Parameters(index = "2", arity = "0..1", paramLabel = "PASSWORD", description = "The password, with -b only.")
    private String password;

    @Override
    public Integer call() {
        CommandLine commandLine = spec.commandLine();
        if (create && delete) {
            throw new CommandLine.ParameterException(commandLine, "-c and -D cannot be used together");
        }
        if (batch == (password == null) && !delete) {
            throw new CommandLine.ParameterException(
                    commandLine, batch ? "-b needs the password as third argument" : "a password argument needs -b");
        }
        if (iterations < ScramCredential.MIN_ITERATIONS) {
            throw new CommandLine.ParameterException(
                    commandLine, "--iterations must be at least " + ScramCredential.MIN_ITERATIONS + " (RFC 7677)");
        }
        try {
            PasswordFileEditor editor = new PasswordFileEditor(new SecureRandom(), iterations);
            PasswordFileEditor.Outcome outcome;
            if (delete) {
                outcome = editor.delete(file, user);
            } else {
                byte[] secret = batch ? password.getBytes(StandardCharsets.UTF_8) : askForPassword();
                if (secret == null) {
                    return CommandLine.ExitCode.USAGE;
                }
                outcome = create ? editor.create(file, user, secret) : editor.put(file, user, secret);
                Arrays.fill(secret, (byte) 0);
            }
            commandLine
                    .getOut()
                    .println(user + " " + outcome.name().toLowerCase(java.util.Locale.ROOT) + " (" + file + ")");
            return CommandLine.ExitCode.OK;
        } catch (NoSuchFileException e) {
            commandLine.getErr().println("tern passwd: " + file + ": no such file; create it with -c");
            return CommandLine.ExitCode.SOFTWARE;
        } catch (IOException e) {
            commandLine.getErr().println("tern passwd: " + file + ": " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        } catch (IllegalArgumentException e) {
            commandLine.getErr().println("tern passwd: " + e.getMessage());
            return CommandLine.ExitCode.SOFTWARE;
        }
    }

    /**
     * Whether {@code console} is a terminal. Up to JDK 21 {@code System.console()} is null unless it is; from JDK 22 it
     * may also be a redirected stream, told apart by {@code Console.isTerminal()}, which a Java 21 build cannot name.
     */
    private static boolean isTerminal(Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true; // JDK 21: a console exists only for a terminal
        }
    }

    /** Twice without echo on a terminal; else one line of standard input. Null (after saying why) on a mismatch. */
    private byte[] askForPassword() throws IOException {
        Console console = System.console();
        if (isTerminal(console)) {
            char[] first = console.readPassword("Password for %s: ", user);
            char[] second = console.readPassword("Again: ");
            if (first == null || second == null || !Arrays.equals(first, second)) {
                spec.commandLine().getErr().println("tern passwd: the passwords differ; nothing changed");
                return null;
            }
            return new String(first).getBytes(StandardCharsets.UTF_8);
        }
        String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
        if (line == null || line.isEmpty()) {
            spec.commandLine().getErr().println("tern passwd: no password on standard input; nothing changed");
            return null;
        }
        return line.getBytes(StandardCharsets.UTF_8);
    }
}
