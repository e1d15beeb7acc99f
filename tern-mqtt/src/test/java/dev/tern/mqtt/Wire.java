package dev.tern.mqtt;

import dev.tern.mqtt.codec.MqttEncoder;
import dev.tern.mqtt.codec.MqttPacket;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.util.ReferenceCountUtil;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** Actions as tests compare them: a {@code Send} as the hex bytes it puts on the wire, anything else as itself. */
final class Wire {
    /**
     * The CONNACK properties a 5.0 client gets with the default settings: Receive Maximum (0x21) 1024, Topic Alias
     * Maximum (0x22) 64, Maximum Packet Size (0x27) 1048576.
     */
    static final String V5_CONNACK_LIMITS = "21 04 00 22 00 40 27 00 10 00 00";

    private static final HexFormat HEX = HexFormat.ofDelimiter(" ");
    private static final MqttEncoder ENCODER = new MqttEncoder();

    private Wire() {}

    /** Describes actions, encoding (and releasing) every packet sent, as the connection would. */
    static List<String> describe(List<Action> actions) {
        List<String> out = new ArrayList<>(actions.size());
        for (Action action : actions) {
            out.add(action instanceof Action.Send send ? hex(send) : action.toString());
        }
        return out;
    }

    /** Only the bytes sent, in order. */
    static List<String> sent(List<Action> actions) {
        List<String> out = new ArrayList<>();
        for (Action action : actions) {
            if (action instanceof Action.Send send) {
                out.add(hex(send));
            }
        }
        return out;
    }

    /** The packets sent, not encoded (the caller releases PUBLISHes it keeps). */
    static List<MqttPacket> packets(List<Action> actions) {
        List<MqttPacket> out = new ArrayList<>();
        for (Action action : actions) {
            if (action instanceof Action.Send send) {
                out.add(send.packet());
            }
        }
        return out;
    }

    static String hex(Action.Send send) {
        ByteBuf bytes = ENCODER.encode(ByteBufAllocator.DEFAULT, send.packet(), send.version());
        try {
            byte[] array = new byte[bytes.readableBytes()];
            bytes.readBytes(array);
            return HEX.formatHex(array);
        } finally {
            bytes.release();
            ReferenceCountUtil.release(send.packet());
        }
    }

    /** Hex of a string's UTF-8 bytes, for readable expectations. */
    static String hex(String text) {
        return HEX.formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
