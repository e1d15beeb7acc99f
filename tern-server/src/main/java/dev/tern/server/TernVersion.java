package dev.tern.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Tern's version, from {@code version.properties}, which Maven fills in with the project version. */
public final class TernVersion {
    private static final String RESOURCE = "version.properties";

    private TernVersion() {}

    /** Such as {@code 0.1.0-SNAPSHOT}. */
    public static String current() {
        try (InputStream in = TernVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/tern/server/" + RESOURCE + " in tern-server");
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read dev/tern/server/" + RESOURCE, e);
        }
    }
}
