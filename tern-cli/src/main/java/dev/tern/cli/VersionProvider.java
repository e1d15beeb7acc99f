package dev.tern.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** Reads Tern's version from {@code version.properties}, which Maven fills in with the project version. */
final class VersionProvider implements IVersionProvider {

    private static final String RESOURCE = "version.properties";

    @Override
    public String[] getVersion() {
        return new String[] {
            "tern " + ternVersion(), "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }

    static String ternVersion() {
        try (InputStream in = VersionProvider.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/tern/cli/" + RESOURCE + " in tern-cli");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/tern/cli/" + RESOURCE, e);
        }
    }
}
