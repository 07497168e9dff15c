package io.strata.engine.jinja;

import java.util.ArrayList;
import java.util.List;

/** Finds the parts of a tag's text ("x in xs if x", "a, b = c") outside brackets and quotes. */
final class TagText {

    private static final int QUOTED = -1;

    private TagText() {
    }

    /** The index of a standalone word at the top level, or -1. */
    static int indexOfWord(String text, String word) {
        int[] depths = depths(text);
        for (int i = 0; i < text.length(); i++) {
            if (depths[i] == 0 && text.startsWith(word, i) && isBoundary(text, i - 1)
                    && isBoundary(text, i + word.length())) {
                return i;
            }
        }
        return -1;
    }

    /** The index of a top-level assignment '=' (not ==, !=, <=, >=), or -1. */
    static int indexOfAssignment(String text) {
        int[] depths = depths(text);
        for (int i = 0; i < text.length(); i++) {
            boolean compound = i > 0 && "=!<>".indexOf(text.charAt(i - 1)) >= 0
                    || i + 1 < text.length() && text.charAt(i + 1) == '=';
            if (depths[i] == 0 && text.charAt(i) == '=' && !compound) {
                return i;
            }
        }
        return -1;
    }

    /** The index of the bracket that closes the one at index 0, or -1. */
    static int closingParenthesis(String text) {
        int[] depths = depths(text);
        for (int i = 1; i < text.length(); i++) {
            if (depths[i] == 0 && ")]}".indexOf(text.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    /** The text split at top-level commas. */
    static List<String> split(String text) {
        int[] depths = depths(text);
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (depths[i] == 0 && text.charAt(i) == ',') {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }

    /** The identifier-looking words of a target list such as "k, v" or "(a, b)". */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            if (isWordStart(text.charAt(i))) {
                int start = i;
                while (i < text.length() && isWordPart(text.charAt(i))) {
                    i++;
                }
                words.add(text.substring(start, i));
            } else {
                i++;
            }
        }
        return words;
    }

    /** Whether the text is one identifier. */
    static boolean isIdentifier(String text) {
        return !text.isEmpty() && isWordStart(text.charAt(0)) && text.chars().allMatch(c -> isWordPart((char) c));
    }

    /**
     * The bracket depth of each character, {@link #QUOTED} inside a string literal; a bracket
     * itself counts at the depth outside it.
     */
    private static int[] depths(String text) {
        int[] depths = new int[text.length()];
        int depth = 0;
        char quote = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote != 0) {
                depths[i] = QUOTED;
                if (c == '\\' && i + 1 < text.length()) {
                    depths[++i] = QUOTED;
                } else if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
                depths[i] = QUOTED;
            } else if ("([{".indexOf(c) >= 0) {
                depths[i] = depth++;
            } else if (")]}".indexOf(c) >= 0) {
                depths[i] = --depth;
            } else {
                depths[i] = depth;
            }
        }
        return depths;
    }

    private static boolean isBoundary(String text, int i) {
        return i < 0 || i >= text.length() || !(isWordPart(text.charAt(i)) || text.charAt(i) == '.');
    }

    private static boolean isWordStart(char c) {
        return Character.isLetter(c) || c == '_';
    }

    private static boolean isWordPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}
