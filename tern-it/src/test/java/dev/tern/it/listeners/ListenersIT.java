package dev.tern.it.listeners;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.tern.testkit.EmbeddedBroker;
import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The listeners with real peers: mosquitto clients over TLS and mutual TLS, PROXY protocol, several TCP ports. */
class ListenersIT {
    /** CONNECT, MQTT 3.1.1, clean session, keep alive 60 s, empty client id. */
    private static final byte[] CONNECT = {
        0x10, 0x0C, 0x00, 0x04, 'M', 'Q', 'T', 'T', 0x04, 0x02, 0x00, 0x3C, 0x00, 0x00
    };

    @TempDir
    Path dir;

    @Test
    void mosquittoClientsPublishAndSubscribeOverTlsTrustingTheCa() throws Exception {
        TestCertificates certs = TestCertificates.make(dir);
        try (EmbeddedBroker broker = EmbeddedBroker.start(tls(certs, "none"))) {
            int port = broker.port("mqtt-tls");
            Process pub = mosquitto(
                    "mosquitto_pub",
                    port,
                    "--cafile",
                    certs.ca().toString(),
                    "-t",
                    "t/tls",
                    "-m",
                    "over-tls",
                    "-r",
                    "-q",
                    "1");
            assertThat(exit(pub)).as(output(pub)).isZero();

            Process sub = mosquitto(
                    "mosquitto_sub", port, "--cafile", certs.ca().toString(), "-t", "t/tls", "-C", "1", "-W", "10");
            assertThat(exit(sub)).isZero();
            assertThat(output(sub)).contains("over-tls");
        }
    }

    @Test
    void withRequiredClientCertificatesAClientWithoutOneIsRefusedAndOneWithOneIsServed() throws Exception {
        TestCertificates certs = TestCertificates.make(dir);
        Map<String, String> settings = new java.util.HashMap<>(tls(certs, "required"));
        settings.put("tls.client_id_from", "cn");
        settings.put("tls.username_from", "cn");
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings)) {
            int port = broker.port("mqtt-tls");
            Process refused =
                    mosquitto("mosquitto_pub", port, "--cafile", certs.ca().toString(), "-t", "t/m", "-m", "x");
            assertThat(exit(refused)).isNotZero();

            String[] withCertificate = {
                "--cafile",
                certs.ca().toString(),
                "--cert",
                certs.clientCert().toString(),
                "--key",
                certs.clientKey().toString()
            };
            Process pub = mosquitto("mosquitto_pub", port, concat(withCertificate, "-t", "t/m", "-m", "mtls", "-r"));
            assertThat(exit(pub)).as(output(pub)).isZero();
            Process sub = mosquitto("mosquitto_sub", port, concat(withCertificate, "-t", "t/m", "-C", "1", "-W", "10"));
            assertThat(exit(sub)).isZero();
            assertThat(output(sub)).contains("mtls");
        }
    }

    private static String[] concat(String[] first, String... then) {
        List<String> all = new ArrayList<>(List.of(first));
        all.addAll(List.of(then));
        return all.toArray(String[]::new);
    }

    @Test
    void aNewConnectionGetsTheRenewedCertificateOnceTheFilesChange() throws Exception {
        TestCertificates certs = TestCertificates.make(dir);
        Map<String, String> settings = new java.util.HashMap<>(tls(certs, "none"));
        settings.put("tls.reload_interval", "1");
        try (EmbeddedBroker broker = EmbeddedBroker.start(settings)) {
            int port = broker.port("mqtt-tls");
            BigInteger before = serialSeenOn(port, certs.ca());

            certs.renewServer();

            await().atMost(Duration.ofSeconds(15))
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> !serialSeenOn(port, certs.ca()).equals(before));
        }
    }

    @Test
    void aProxyProtocolV1HeaderMakesTheProxiedAddressThePeer() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("mqtt.tcp.proxy_protocol", "true"))) {
            // Anonymous clients are let in from loopback only: a proxied public address is refused (5, not
            // authorized), a proxied loopback one accepted, which shows whose address the broker judged.
            assertThat(connAckCode(broker.port(), v1("203.0.113.7"))).isEqualTo(5);
            assertThat(connAckCode(broker.port(), v1("127.0.0.9"))).isZero();
        }
    }

    @Test
    void aProxyProtocolV2HeaderMakesTheProxiedAddressThePeer() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("mqtt.tcp.proxy_protocol", "true"))) {
            assertThat(connAckCode(broker.port(), v2(new byte[] {(byte) 203, 0, 113, 7})))
                    .isEqualTo(5);
            assertThat(connAckCode(broker.port(), v2(new byte[] {127, 0, 0, 9})))
                    .isZero();
        }
    }

    @Test
    void aConnectionWithoutAProxyHeaderOnAProxyProtocolListenerIsClosed() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("mqtt.tcp.proxy_protocol", "true"));
                Socket socket = new Socket(broker.host(), broker.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(CONNECT);
            assertThat(socket.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void twoTcpListenersServeAtOnceAndShareTheBroker() throws Exception {
        Path config = dir.resolve("tern.yaml");
        Files.writeString(config, """
                mqtt:
                  listeners:
                    - name: tcp-second
                      type: tcp
                      port: 0
                      bind: 127.0.0.1
                """);
        try (EmbeddedBroker broker = EmbeddedBroker.start(config, Map.of())) {
            int second = broker.port("tcp-second");
            assertThat(second).isNotEqualTo(broker.port());
            Process pub = mosquitto("mosquitto_pub", broker.port(), "-t", "t/two", "-m", "from-first", "-r");
            assertThat(exit(pub)).isZero();
            Process sub = mosquitto("mosquitto_sub", second, "-t", "t/two", "-C", "1", "-W", "10");
            assertThat(exit(sub)).isZero();
            assertThat(output(sub)).contains("from-first");
            assertThat(broker.server().readyLine()).contains("; also tcp 127.0.0.1:" + second + " (tcp-second)");
        }
    }

    private static Map<String, String> tls(TestCertificates certs, String clientAuth) {
        return Map.of(
                "mqtt.tls.enabled",
                "true",
                "mqtt.tls.port",
                "0",
                "mqtt.tls.bind",
                "127.0.0.1",
                "mqtt.tls.client_auth",
                clientAuth,
                "tls.cert_file",
                certs.serverCert().toString(),
                "tls.key_file",
                certs.serverKey().toString(),
                "tls.ca_file",
                certs.ca().toString());
    }

    private static byte[] v1(String source) {
        return ("PROXY TCP4 " + source + " 127.0.0.1 40000 1883\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] v2(byte[] source) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {0x0D, 0x0A, 0x0D, 0x0A, 0x00, 0x0D, 0x0A, 0x51, 0x55, 0x49, 0x54, 0x0A});
        out.write(0x21); // version 2, PROXY
        out.write(0x11); // TCP over IPv4
        out.writeBytes(new byte[] {0x00, 0x0C}); // 12 bytes of addresses
        out.writeBytes(source);
        out.writeBytes(new byte[] {127, 0, 0, 1});
        out.writeBytes(new byte[] {(byte) 0x9C, 0x40, 0x07, 0x5B}); // ports 40000 and 1883
        return out.toByteArray();
    }

    private static int connAckCode(int port, byte[] header) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(header);
            out.writeBytes(CONNECT);
            socket.getOutputStream().write(out.toByteArray());
            byte[] connAck = socket.getInputStream().readNBytes(4);
            assertThat(connAck[0]).isEqualTo((byte) 0x20);
            return connAck[3];
        }
    }

    private static BigInteger serialSeenOn(int port, Path ca) throws Exception {
        KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
        trust.load(null, null);
        try (InputStream in = new FileInputStream(ca.toFile())) {
            trust.setCertificateEntry(
                    "ca", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        try (SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static Process mosquitto(String command, int port, String... arguments) throws IOException {
        List<String> line = new ArrayList<>(List.of(command, "-h", "127.0.0.1", "-p", Integer.toString(port)));
        line.addAll(List.of(arguments));
        return new ProcessBuilder(line).redirectErrorStream(true).start();
    }

    private static int exit(Process process) throws InterruptedException {
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(
                    "still running after 20 s: " + process.info().commandLine().orElse("?"));
        }
        return process.exitValue();
    }

    private static String output(Process process) throws IOException {
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
