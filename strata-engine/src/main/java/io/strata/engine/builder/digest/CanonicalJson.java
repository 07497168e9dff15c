package io.strata.engine.builder.digest;

import io.strata.engine.inventory.VaultValue;
import java.time.format.DateTimeFormatter;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parsed YAML values (maps, lists, strings, numbers, booleans, dates, null, vault values) as one
 * line of JSON with sorted keys: equal values give equal text, however the YAML was written.
 * Types stay apart: the number 1 is {@code 1}, the string "1" is {@code "1"}.
 */
public final class CanonicalJson {

    private CanonicalJson() {
    }

    /** The canonical text of a value. */
    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof Map<?, ?> map) {
            Map<String, Object> sorted = new TreeMap<>();
            map.forEach((key, item) -> sorted.put(String.valueOf(key), item));
            out.append('{');
            boolean first = true;
            for (Map.Entry<String, Object> entry : sorted.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string(entry.getKey(), out);
                out.append(':');
                write(entry.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof VaultValue vault) {
            out.append("{\"!vault\":");
            string(vault.ciphertext(), out);
            out.append('}');
        } else if (value instanceof Date date) {
            out.append("{\"!timestamp\":");
            string(DateTimeFormatter.ISO_INSTANT.format(date.toInstant()), out);
            out.append('}');
        } else if (value instanceof byte[] bytes) {
            out.append("{\"!binary\":");
            string(Base64.getEncoder().encodeToString(bytes), out);
            out.append('}');
        } else {
            string(value.toString(), out);
        }
    }

    private static void string(String text, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
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
        out.append('"');
    }
}
