package io.strata.engine.ansible;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Ansible's free-form module arguments ({@code src=a.j2 dest="/etc/a b"}): words split on
 * blanks outside quotes and Jinja blocks; {@code key=value} words become arguments, the others
 * are joined as {@code _raw_params}.
 */
final class FreeFormArgs {

    /** The key under which the words that are no {@code key=value} are kept. */
    static final String RAW = "_raw_params";

    private static final Pattern KEY = Pattern.compile("[A-Za-z_][\\w.-]*");

    private FreeFormArgs() {
    }

    /** The arguments of a free-form string. */
    static Map<String, Object> parse(String text) {
        Map<String, Object> args = new LinkedHashMap<>();
        List<String> raw = new ArrayList<>();
        for (String word : words(text)) {
            int equals = topLevelEquals(word);
            if (equals > 0 && KEY.matcher(word.substring(0, equals)).matches()) {
                args.put(word.substring(0, equals), unquote(word.substring(equals + 1)));
            } else {
                raw.add(unquote(word));
            }
        }
        if (!raw.isEmpty()) {
            args.put(RAW, String.join(" ", raw));
        }
        return args;
    }

    /** The words of a text, quotes kept, split on blanks outside quotes and Jinja blocks. */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        char quote = 0;
        int depth = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            char next = i + 1 < text.length() ? text.charAt(i + 1) : 0;
            if (quote == 0 && depth == 0 && Character.isWhitespace(c)) {
                if (word.length() > 0) {
                    words.add(word.toString());
                    word.setLength(0);
                }
                continue;
            }
            word.append(c);
            if (c == '{' && (next == '{' || next == '%' || next == '#')) {
                depth++;
                word.append(next);
                i++;
            } else if (depth > 0 && (c == '}' || c == '%' || c == '#') && next == '}') {
                depth--;
                word.append(next);
                i++;
            } else if (depth == 0 && quote == 0 && (c == '"' || c == '\'')) {
                quote = c;
            } else if (c == quote && (i == 0 || text.charAt(i - 1) != '\\')) {
                quote = 0;
            }
        }
        if (word.length() > 0) {
            words.add(word.toString());
        }
        return words;
    }

    /** The first '=' of a word, or -1 when a quote or a brace comes before it. */
    private static int topLevelEquals(String word) {
        for (int i = 0; i < word.length(); i++) {
            char c = word.charAt(i);
            if (c == '=') {
                return i;
            }
            if (c == '"' || c == '\'' || c == '{') {
                return -1;
            }
        }
        return -1;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'')
                && value.charAt(value.length() - 1) == value.charAt(0)) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }
}
