package dev.tern.it.durability;

import java.nio.charset.StandardCharsets;

/**
 * One numbered message of a durability test: its topic and its number on that topic. The payload is {@code "TOPIC
 * NUMBER"}, so a receipt names the message whatever the broker did to it, and checks need nothing but the payload.
 * An end marker ({@code "TOPIC END"}) follows the last message of a topic: it is queued behind everything published
 * before it, so a subscriber that has it has been sent all the rest.
 */
record MessageId(String topic, long number) {
    private static final String END = "END";

    static final long END_MARKER = -1;

    static MessageId endOf(String topic) {
        return new MessageId(topic, END_MARKER);
    }

    boolean isEndMarker() {
        return number == END_MARKER;
    }

    byte[] payload() {
        return (topic + " " + (isEndMarker() ? END : Long.toString(number))).getBytes(StandardCharsets.UTF_8);
    }

    /** The message a payload names; fails on a payload no publisher of the test wrote (which would be a bug). */
    static MessageId parse(byte[] payload) {
        String text = new String(payload, StandardCharsets.UTF_8);
        int space = text.lastIndexOf(' ');
        if (space <= 0) {
            throw new IllegalArgumentException("not a numbered message: '" + text + "'");
        }
        String number = text.substring(space + 1);
        return new MessageId(text.substring(0, space), number.equals(END) ? END_MARKER : Long.parseLong(number));
    }

    @Override
    public String toString() {
        return topic + "#" + (isEndMarker() ? END : Long.toString(number));
    }
}
