package dev.tern.server.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Finds the keys a mistyped or misplaced key probably meant, for "did you mean" in error messages. */
final class KeySuggestions {
    private static final int MAX_SUGGESTIONS = 3;

    private KeySuggestions() {}

    /** Every value's dotted key under {@code section}, whose own key is {@code prefix}. */
    static List<String> leafKeys(JsonNode section, String prefix) {
        List<String> keys = new ArrayList<>();
        for (Map.Entry<String, JsonNode> field : section.properties()) {
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            if (field.getValue().isObject()) {
                keys.addAll(leafKeys(field.getValue(), key));
            } else {
                keys.add(key);
            }
        }
        return keys;
    }

    /**
     * The known keys closest to {@code key}: the same name in another section (mqtt.max_connections meant
     * limits.max_connections), or a small edit away (a typo).
     */
    static List<String> closest(String key, List<String> known) {
        String lastSegment = key.substring(key.lastIndexOf('.') + 1);
        int tolerance = Math.max(2, key.length() / 5);
        record Candidate(String key, int distance) {}
        List<Candidate> candidates = new ArrayList<>();
        for (String candidate : known) {
            int distance = distance(key, candidate);
            boolean sameName =
                    candidate.substring(candidate.lastIndexOf('.') + 1).equals(lastSegment);
            if (sameName || distance <= tolerance) {
                candidates.add(new Candidate(candidate, sameName ? 0 : distance));
            }
        }
        return candidates.stream()
                .sorted(Comparator.comparingInt(Candidate::distance).thenComparing(Candidate::key))
                .limit(MAX_SUGGESTIONS)
                .map(Candidate::key)
                .toList();
    }

    /** Levenshtein distance. */
    static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j] + 1, current[j - 1] + 1));
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
