package io.strata.engine.ansible;

/**
 * Path globs whose only special character is {@code *} (any run of characters, {@code /}
 * included), and their making from templated Ansible paths.
 */
final class Glob {

    private Glob() {
    }

    /** Whether a glob matches the whole of a path. */
    static boolean matches(String glob, String path) {
        int g = 0;
        int p = 0;
        int star = -1;
        int resume = 0;
        while (p < path.length()) {
            if (g < glob.length() && glob.charAt(g) == '*') {
                star = g++;
                resume = p;
            } else if (g < glob.length() && glob.charAt(g) == path.charAt(p)) {
                g++;
                p++;
            } else if (star >= 0) {
                g = star + 1;
                p = ++resume;
            } else {
                return false;
            }
        }
        while (g < glob.length() && glob.charAt(g) == '*') {
            g++;
        }
        return g == glob.length();
    }

    /** Whether a string holds a {@code *}. */
    static boolean isGlob(String text) {
        return text.indexOf('*') >= 0;
    }

    /** The part of a glob before its first {@code *}. */
    static String literalPrefix(String glob) {
        int star = glob.indexOf('*');
        return star < 0 ? glob : glob.substring(0, star);
    }

    /**
     * A templated path as a glob: every {@code {{ }}} and {@code {# #}} becomes {@code *}, and so
     * does everything from the first {@code {%} to the last {@code %}} (text inside statements
     * may or may not be output); with {@code shellGlob}, {@code ?} and {@code [...]} become
     * {@code *} as well (a fileglob pattern).
     */
    static String fromTemplate(String written, boolean shellGlob) {
        String text = written;
        int firstStatement = text.indexOf("{%");
        int lastStatementEnd = text.lastIndexOf("%}");
        if (firstStatement >= 0) {
            text = text.substring(0, firstStatement) + "{{}}"
                    + (lastStatementEnd > firstStatement ? text.substring(lastStatementEnd + 2) : "");
        }
        StringBuilder glob = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && "{%#".indexOf(text.charAt(i + 1)) >= 0) {
                char open = text.charAt(i + 1);
                String close = (open == '{' ? "}" : String.valueOf(open)) + "}";
                int end = text.indexOf(close, i + 2);
                i = end < 0 ? text.length() : end + 2;
                star(glob);
            } else if (shellGlob && (c == '?' || c == '[')) {
                int end = c == '[' ? text.indexOf(']', i + 1) : i;
                i = end < 0 ? i + 1 : end + 1;
                star(glob);
            } else {
                if (c == '*') {
                    star(glob);
                } else {
                    glob.append(c);
                }
                i++;
            }
        }
        return glob.toString();
    }

    private static void star(StringBuilder glob) {
        if (glob.length() == 0 || glob.charAt(glob.length() - 1) != '*') {
            glob.append('*');
        }
    }
}
