package dev.tern.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.tern.server.config.ConfigLoader;
import dev.tern.server.config.TernConfig;
import java.io.DataInputStream;
import java.io.IOException;
import java.net.ConnectException;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The composition root over real sockets: start, serve an MQTT client, stop. */
class TernServerTest {

    /** MQTT 3.1.1 CONNECT, clean session, keep alive 60, client id "a". */
    private static final byte[] CONNECT_311 = HexFormat.of().parseHex("100d00044d5154540402003c000161");

    /** MQTT 5.0 CONNECT, clean start, keep alive 60, no properties, client id "b". */
    private static final byte[] CONNECT_5 = HexFormat.of().parseHex("100e00044d5154540502003c00000162");

    @TempDir
    Path dir;

    @Test
    void portZeroListensOnAFreePortAndTheReadyLineSaysWhichAndHowToConnect() throws Exception {
        try (TernServer server = start()) {
            int port = server.mqttPort();

            assertThat(port).isPositive();
            assertThat(server.readyLine())
                    .isEqualTo("Tern " + TernVersion.current() + " ready: MQTT on tcp 127.0.0.1:" + port + " (data in "
                            + server.dataDir() + "). Try: mosquitto_sub -h 127.0.0.1 -p " + port + " -t '#' -v");
        }
    }

    @Test
    void theDataDirectoryIsCreatedAndReportedAsAnAbsolutePath() throws Exception {
        Path data = dir.resolve("nested/data");

        try (TernServer server = start("data.dir=" + data)) {
            assertThat(server.dataDir()).isEqualTo(data.toAbsolutePath()).isDirectory();
        }
    }

    @Test
    void anMqtt311ClientFromLoopbackIsAcceptedAnonymously() throws Exception {
        try (TernServer server = start();
                Socket socket = new Socket("127.0.0.1", server.mqttPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(CONNECT_311);

            byte[] connack = new DataInputStream(socket.getInputStream()).readNBytes(4);

            assertThat(HexFormat.of().formatHex(connack)).isEqualTo("20020000");
        }
    }

    @Test
    void stoppingStopsAcceptingAndSendsServerShuttingDownToMqtt5Clients() throws Exception {
        TernServer server = start();
        int port = server.mqttPort();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            DataInputStream in = new DataInputStream(socket.getInputStream());
            socket.getOutputStream().write(CONNECT_5);
            assertThat(in.readUnsignedByte()).as("CONNACK").isEqualTo(0x20);
            in.readNBytes(in.readUnsignedByte()); // CONNACK's properties fit in < 128 bytes
            await().until(() -> server.connectedClients() == 1);

            server.close();

            assertThat(in.readUnsignedByte()).as("DISCONNECT").isEqualTo(0xE0);
            int length = in.readUnsignedByte();
            assertThat(length).isPositive();
            assertThat(in.readUnsignedByte())
                    .as("reason code: server shutting down")
                    .isEqualTo(0x8B);
            in.readNBytes(length - 1);
            assertThat(in.read()).as("end of stream").isEqualTo(-1);
        }
        assertThatThrownBy(() -> new Socket("127.0.0.1", port).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void closingTwiceIsHarmless() throws Exception {
        TernServer server = start();

        server.close();
        server.close();
    }

    @Test
    void aPortInUseFailsToStartWithAMessageThatSaysWhatToDo() throws Exception {
        try (TernServer first = start()) {
            assertThatThrownBy(() -> start("mqtt.tcp.port=" + first.mqttPort(), "data.dir=" + dir.resolve("other")))
                    .isInstanceOf(StartException.class)
                    .hasMessageStartingWith("cannot listen on tcp 127.0.0.1:" + first.mqttPort() + ": ")
                    .hasMessageContaining("--set mqtt.tcp.port=PORT");
        }
    }

    @Test
    void aSecondBrokerOnTheSameDataDirectoryFailsToStartAndLeavesTheFirstsStoreAlone() throws Exception {
        try (TernServer first = start()) {
            assertThatThrownBy(() -> start())
                    .isInstanceOf(StartException.class)
                    .hasMessageContaining("is in use by another process")
                    .hasMessageContaining(dir.resolve("data").resolve("store").toString());
        }
    }

    @Test
    void aFileWhereTheDataDirectoryShouldBeFailsToStartWithAMessageThatSaysWhatToDo() throws IOException {
        Path file = Files.createFile(dir.resolve("data"));

        assertThatThrownBy(() -> start("data.dir=" + file))
                .isInstanceOf(StartException.class)
                .hasMessage("cannot use " + file + " as the data directory: a file of that name is in the way. Move"
                        + " it, or choose another directory with --set data.dir=PATH.");
    }

    @Test
    void clientsOnThisMachineConnectToTheLoopbackAddressOfAWildcardBind() {
        assertThat(TernServer.connectHost("0.0.0.0")).isEqualTo("127.0.0.1");
        assertThat(TernServer.connectHost("::")).isEqualTo("::1");
        assertThat(TernServer.connectHost("192.0.2.1")).isEqualTo("192.0.2.1");
    }

    private TernServer start(String... sets) throws StartException {
        List<String> arguments = new java.util.ArrayList<>(List.of(
                "mqtt.tcp.port=0", "mqtt.tcp.bind=127.0.0.1", "data.dir=" + dir.resolve("data"), "sys.interval=0"));
        arguments.addAll(List.of(sets));
        TernConfig config = ConfigLoader.load(Optional.empty(), arguments);
        return TernServer.start(config);
    }

    static {
        // The broker's shutdown waits on conditions, never on the clock; keep Awaitility's polling brisk.
        org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(10));
    }
}
