package dev.tern.benchmarks.load;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One flat JSON object on one line: the machine-readable record of a run, appended to a file per run so that runs made
 * by separate processes (one per broker configuration) can be put side by side later. Values are strings, integers,
 * decimals or null; nothing nests, which keeps both the writer and the reader a page long and dependency-free.
 */
final class JsonLine {
    private final Map<String, Object> fields;

    private JsonLine(Map<String, Object> fields) {
        this.fields = fields;
    }

    static JsonLine empty() {
        return new JsonLine(new LinkedHashMap<>());
    }

    JsonLine put(String key, String value) {
        fields.put(key, value);
        return this;
    }

    JsonLine put(String key, long value) {
        fields.put(key, value);
        return this;
    }

    /** A decimal; NaN and infinities (a figure that could not be measured) are written as null. */
    JsonLine put(String key, double value) {
        fields.put(key, Double.isFinite(value) ? (Object) value : null);
        return this;
    }

    Map<String, Object> fields() {
        return Collections.unmodifiableMap(fields);
    }

    /** The number under {@code key}, or NaN when it is missing, null or not a number. */
    double number(String key) {
        return fields.get(key) instanceof Number n ? n.doubleValue() : Double.NaN;
    }

    /** The value under {@code key} as text, or "" when missing or null. */
    String text(String key) {
        Object value = fields.get(key);
        return value == null ? "" : value.toString();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder("{");
        fields.forEach((key, value) -> {
            if (out.length() > 1) {
                out.append(',');
            }
            quote(out, key).append(':');
            switch (value) {
                case null -> out.append("null");
                case String s -> quote(out, s);
                case Double d ->
                    out.append(d.doubleValue() == Math.rint(d) ? Long.toString(d.longValue()) : d.toString());
                default -> out.append(value);
            }
        });
        return out.append('}').toString();
    }

    private static StringBuilder quote(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    /** Reads a line written by {@link #toString()} (flat objects only). */
    static JsonLine parse(String line) {
        Reader reader = new Reader(line.trim());
        return new JsonLine(reader.object());
    }

    /** A recursive-descent reader for the flat subset this class writes. */
    private static final class Reader {
        private final String s;
        private int at;

        Reader(String s) {
            this.s = s;
        }

        Map<String, Object> object() {
            Map<String, Object> fields = new LinkedHashMap<>();
            expect('{');
            skipSpace();
            if (peek() == '}') {
                at++;
                return fields;
            }
            do {
                skipSpace();
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                fields.put(key, value());
                skipSpace();
            } while (consume(','));
            expect('}');
            return fields;
        }

        private Object value() {
            char c = peek();
            if (c == '"') {
                return string();
            }
            if (s.startsWith("null", at)) {
                at += 4;
                return null;
            }
            int start = at;
            while (at < s.length() && "+-0123456789.eE".indexOf(s.charAt(at)) >= 0) {
                at++;
            }
            String number = s.substring(start, at);
            if (number.isEmpty()) {
                throw new IllegalArgumentException("unexpected '" + c + "' at " + start + " in " + s);
            }
            return number.matches("-?\\d+") ? (Object) Long.parseLong(number) : (Object) Double.parseDouble(number);
        }

        private String string() {
            expect('"');
            StringBuilder out = new StringBuilder();
            while (true) {
                char c = s.charAt(at++);
                if (c == '"') {
                    return out.toString();
                }
                if (c != '\\') {
                    out.append(c);
                    continue;
                }
                char escaped = s.charAt(at++);
                switch (escaped) {
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(s.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(escaped);
                }
            }
        }

        private char peek() {
            if (at >= s.length()) {
                throw new IllegalArgumentException("unexpected end of " + s);
            }
            return s.charAt(at);
        }

        private boolean consume(char c) {
            if (at < s.length() && s.charAt(at) == c) {
                at++;
                return true;
            }
            return false;
        }

        private void expect(char c) {
            if (!consume(c)) {
                throw new IllegalArgumentException("expected '" + c + "' at " + at + " in " + s);
            }
        }

        private void skipSpace() {
            while (at < s.length() && Character.isWhitespace(s.charAt(at))) {
                at++;
            }
        }
    }
}
