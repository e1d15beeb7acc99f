package dev.tern.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.net.Socket;
import java.nio.file.Path;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmbeddedBrokerTest {

    /** MQTT 3.1.1 CONNECT, clean session, keep alive 60, client id "a". */
    private static final byte[] CONNECT_311 = HexFormat.of().parseHex("100d00044d5154540402003c000161");

    @Test
    void anEmbeddedBrokerServesMqttOnAnEphemeralLoopbackPort() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                Socket socket = new Socket(broker.host(), broker.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(CONNECT_311);
            InputStream in = socket.getInputStream();

            assertThat(HexFormat.of().formatHex(in.readNBytes(4))).isEqualTo("20020000");
            assertThat(broker.host()).isEqualTo("127.0.0.1");
        }
    }

    @Test
    void settingsApplyAndTheTemporaryDataDirectoryGoesAwayOnClose() {
        Path dataDir;
        try (EmbeddedBroker broker = EmbeddedBroker.start(Map.of("sys.interval", "0"))) {
            dataDir = broker.dataDir();
            assertThat(dataDir).isDirectory();
        }
        assertThat(dataDir).doesNotExist();
    }
}
