package io.strata.engine.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Python's {@code shlex.split(line, comments=True)}, which Ansible uses on INI host lines. */
final class ShellWords {

    private ShellWords() {
    }

    /** The words of a line, quotes removed; empty when a quotation is not closed. */
    static Optional<List<String>> split(String line) {
        List<String> words = new ArrayList<>();
        StringBuilder word = null;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (Character.isWhitespace(c)) {
                if (word != null) {
                    words.add(word.toString());
                    word = null;
                }
                i++;
                continue;
            }
            if (c == '#' && word == null) {
                break;
            }
            if (word == null) {
                word = new StringBuilder();
            }
            if (c == '\'' || c == '"') {
                int end = closingQuote(line, i, c, word);
                if (end < 0) {
                    return Optional.empty();
                }
                i = end + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        if (word != null) {
            words.add(word.toString());
        }
        return Optional.of(words);
    }

    /** Appends a quotation's content to the word; the index of its closing quote, or -1. */
    private static int closingQuote(String line, int open, char quote, StringBuilder word) {
        int i = open + 1;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == quote) {
                return i;
            }
            if (quote == '"' && c == '\\' && i + 1 < line.length() && "\\\"$`".indexOf(line.charAt(i + 1)) >= 0) {
                word.append(line.charAt(i + 1));
                i += 2;
            } else {
                word.append(c);
                i++;
            }
        }
        return -1;
    }
}
