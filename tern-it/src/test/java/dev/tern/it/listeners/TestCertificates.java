package dev.tern.it.listeners;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A CA, a server certificate for 127.0.0.1/localhost and a client certificate, made with the openssl command line in
 * a directory of the test's: the commands of docs/security.md. No private key is ever committed.
 */
record TestCertificates(Path dir) {
    static final String CLIENT_CN = "device-1";

    static TestCertificates make(Path dir) throws IOException, InterruptedException {
        run(
                dir,
                List.of(
                        "openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=tern-test-ca -keyout ca.key -out ca.crt",
                        "openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout server.key -out server.csr",
                        "printf 'subjectAltName=DNS:localhost,IP:127.0.0.1' > server.ext",
                        "openssl x509 -req -in server.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext"
                                + " -out server.crt",
                        "openssl req -newkey rsa:2048 -nodes -subj /CN=" + CLIENT_CN
                                + " -keyout client.key -out client.csr",
                        "openssl x509 -req -in client.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -out client.crt"));
        return new TestCertificates(dir);
    }

    /** A new server certificate and key for the same names, with a new serial, written over the old files. */
    void renewServer() throws IOException, InterruptedException {
        run(
                dir,
                List.of(
                        "openssl req -newkey rsa:2048 -nodes -subj /CN=localhost -keyout new.key -out new.csr",
                        "openssl x509 -req -in new.csr -CA ca.crt -CAkey ca.key -CAcreateserial -days 2 -extfile server.ext"
                                + " -out new.crt",
                        "mv new.key server.key && mv new.crt server.crt"));
    }

    Path ca() {
        return dir.resolve("ca.crt");
    }

    Path serverCert() {
        return dir.resolve("server.crt");
    }

    Path serverKey() {
        return dir.resolve("server.key");
    }

    Path clientCert() {
        return dir.resolve("client.crt");
    }

    Path clientKey() {
        return dir.resolve("client.key");
    }

    private static void run(Path dir, List<String> commands) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("bash", "-euc", String.join("\n", commands))
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("openssl failed: " + output);
        }
    }
}
