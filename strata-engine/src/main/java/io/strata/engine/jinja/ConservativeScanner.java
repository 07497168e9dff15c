package io.strata.engine.jinja;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The fallback for text that Jinjava cannot parse: every identifier-looking word is taken for a
 * variable, except words that cannot be one (attribute names after '.', filter names after
 * '|', test names after 'is', called function names, keywords). Over-approximates, never
 * under-approximates.
 */
final class ConservativeScanner {

    private static final Set<String> KEYWORDS = Set.of("and", "or", "not", "in", "is", "if", "else", "elif",
            "recursive", "as", "import", "from", "with", "without", "context", "ignore", "missing");
    private static final Set<String> LOOKUP_FUNCTIONS = Set.of("lookup", "query", "q");

    private enum Kind { WORD, STRING, OTHER }

    private record Lexeme(Kind kind, String text) {
    }

    private ConservativeScanner() {
    }

    /** The references of an expression or a template fragment, read word by word. */
    static ParsedExpression scan(String text) {
        List<Lexeme> lexemes = lex(text);
        Set<String> identifiers = new LinkedHashSet<>();
        List<LookupCall> lookups = new ArrayList<>();
        boolean dynamic = false;
        for (int i = 0; i < lexemes.size(); i++) {
            Lexeme lexeme = lexemes.get(i);
            if (lexeme.kind() != Kind.WORD || KEYWORDS.contains(lexeme.text()) || isNameOfSomethingElse(lexemes, i)) {
                continue;
            }
            String word = lexeme.text();
            if (isOther(lexemes, i + 1, "(")) {
                if (LOOKUP_FUNCTIONS.contains(word)) {
                    String plugin = i + 2 < lexemes.size() && lexemes.get(i + 2).kind() == Kind.STRING
                            ? JinjaReferences.shortPluginName(lexemes.get(i + 2).text()) : "*";
                    dynamic |= plugin.equals("*") || plugin.equals("vars") || plugin.equals("varnames");
                    lookups.add(new LookupCall(plugin, List.of("*")));
                }
            } else if (word.equals("vars")) {
                dynamic = true;
            } else {
                identifiers.add(word);
            }
        }
        return new ParsedExpression(identifiers, Set.of(), dynamic, lookups);
    }

    /** An attribute, filter or test name. */
    private static boolean isNameOfSomethingElse(List<Lexeme> lexemes, int i) {
        if (isOther(lexemes, i - 1, ".") || isOther(lexemes, i - 1, "|")) {
            return true;
        }
        return isWord(lexemes, i - 1, "is") || isWord(lexemes, i - 1, "not") && isWord(lexemes, i - 2, "is");
    }

    private static boolean isOther(List<Lexeme> lexemes, int i, String text) {
        return i >= 0 && i < lexemes.size() && lexemes.get(i).kind() == Kind.OTHER && lexemes.get(i).text().equals(text);
    }

    private static boolean isWord(List<Lexeme> lexemes, int i, String text) {
        return i >= 0 && lexemes.get(i).kind() == Kind.WORD && lexemes.get(i).text().equals(text);
    }

    private static List<Lexeme> lex(String text) {
        List<Lexeme> lexemes = new ArrayList<>();
        int i = 0;
        int length = text.length();
        while (i < length) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"') {
                int end = i + 1;
                while (end < length && text.charAt(end) != c) {
                    end += text.charAt(end) == '\\' ? 2 : 1;
                }
                lexemes.add(new Lexeme(Kind.STRING, text.substring(i + 1, Math.min(end, length))));
                i = end + 1;
            } else if (Character.isDigit(c)) {
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
                        || text.charAt(i) == '.')) {
                    i++;
                }
            } else if (Character.isLetter(c) || c == '_') {
                int start = i;
                while (i < length && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                lexemes.add(new Lexeme(Kind.WORD, text.substring(start, i)));
            } else {
                if (!Character.isWhitespace(c)) {
                    lexemes.add(new Lexeme(Kind.OTHER, String.valueOf(c)));
                }
                i++;
            }
        }
        return lexemes;
    }
}
