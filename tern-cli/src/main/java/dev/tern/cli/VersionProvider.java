package dev.tern.cli;

import dev.tern.server.TernVersion;
import picocli.CommandLine.IVersionProvider;

/** Tern's version (the project version, which the build writes into tern-server) and the JVM's. */
final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
            "tern " + TernVersion.current(), "JVM: ${java.version} (${java.vendor} ${java.vm.name} ${java.vm.version})"
        };
    }
}
