package dev.tern.mqtt.codec;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.tern.mqtt.codec.AbstractDecoderFuzzTest.EntryPoint;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Jazzer fuzz targets, one per decoder entry point, plus one that covers all seven. Each checks {@link
 * AbstractDecoderFuzzTest}'s contract on every input; seeds and regression inputs live in {@code
 * src/test/resources/dev/tern/mqtt/codec/DecoderFuzzTestInputs/<method>/}.
 *
 * <p>Jazzer fuzzes only one {@code @FuzzTest} per JVM and skips the others ("Only one fuzz test can be run at a time").
 * The build therefore fuzzes {@link #allEntryPoints}, ordered first, for {@link #BUILD_RUN}: one JVM and one Jazzer
 * start-up for all seven entry points instead of seven. The other methods are reported as skipped there; select one
 * with {@code -Dtest=DecoderFuzzTest#serverFromFirstByte} to fuzz that entry point alone (docs/fuzzing.md).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DecoderFuzzTest extends AbstractDecoderFuzzTest {
    /** All seven entry points: the first byte picks one (in {@link EntryPoint} order, modulo seven). */
    @Order(0)
    @DictionaryEntries({"MQTT", "MQIsdp", "$share/", "/+/#", "$SYS/"})
    @FuzzTest(maxDuration = BUILD_RUN)
    void allEntryPoints(byte[] input) {
        fuzzAnyEntryPoint(input);
    }

    /**
     * The server-role decoder from the first byte of a connection: CONNECT in every version (protocol name and level,
     * flags, will, credentials, 5.0 properties), then whatever follows it in the same input.
     */
    @Order(1)
    @DictionaryEntries({"MQTT", "MQIsdp", "$share/", "/+/#"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void serverFromFirstByte(byte[] input) {
        fuzz(input, EntryPoint.SERVER_FROM_FIRST_BYTE.target());
    }

    /** The server-role decoder after a 3.1 CONNECT: what a 3.1 client sends next, and what it must not. */
    @Order(2)
    @DictionaryEntries({"$share/", "/+/#", "$SYS/"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void serverAfterV31Connect(byte[] input) {
        fuzz(input, EntryPoint.SERVER_AFTER_V3_1_CONNECT.target());
    }

    /** The server-role decoder after a 3.1.1 CONNECT: what a 3.1.1 client sends next, and what it must not. */
    @Order(3)
    @DictionaryEntries({"$share/", "/+/#", "$SYS/"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void serverAfterV311Connect(byte[] input) {
        fuzz(input, EntryPoint.SERVER_AFTER_V3_1_1_CONNECT.target());
    }

    /**
     * The server-role decoder after a 5.0 CONNECT: what a 5.0 client sends next, with reason codes and property blocks
     * (PUBLISH, the acknowledgements, SUBSCRIBE, UNSUBSCRIBE, PINGREQ, DISCONNECT, AUTH), and what it must not.
     */
    @Order(4)
    @DictionaryEntries({"$share/", "/+/#", "$SYS/"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void serverAfterV5Connect(byte[] input) {
        fuzz(input, EntryPoint.SERVER_AFTER_V5_CONNECT.target());
    }

    /** The client-role decoder of a 3.1 connection: what a 3.1 server sends (no Session Present, no DISCONNECT). */
    @Order(5)
    @DictionaryEntries({"$SYS/", "/+/#"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void clientV31(byte[] input) {
        fuzz(input, EntryPoint.CLIENT_V3_1.target());
    }

    /** The client-role decoder of a 3.1.1 connection: what a 3.1.1 server sends. */
    @Order(6)
    @DictionaryEntries({"$SYS/", "/+/#"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void clientV311(byte[] input) {
        fuzz(input, EntryPoint.CLIENT_V3_1_1.target());
    }

    /**
     * The client-role decoder of a 5.0 connection: what a 5.0 server sends, with reason codes, property blocks,
     * Subscription Identifiers in PUBLISH, DISCONNECT and AUTH.
     */
    @Order(7)
    @DictionaryEntries({"$SYS/", "/+/#"})
    @FuzzTest(maxDuration = SINGLE_RUN)
    void clientV5(byte[] input) {
        fuzz(input, EntryPoint.CLIENT_V5.target());
    }
}
