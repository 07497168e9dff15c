package io.strata.engine.render;

/** XML text escaping for the SVG writer. */
final class Xml {

    private Xml() {
    }

    /**
     * Text safe in XML content and in double- or single-quoted attribute values: markup
     * characters and line breaks as character references, characters XML 1.0 cannot hold as
     * U+FFFD.
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&apos;");
                case '\n' -> out.append("&#10;");
                case '\t' -> out.append("&#9;");
                case '\r' -> out.append("&#13;");
                default -> out.appendCodePoint(allowed(c) ? c : 0xFFFD);
            }
        }
        return out.toString();
    }

    /** Whether XML 1.0 allows the character (its Char production). */
    private static boolean allowed(int c) {
        return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
    }
}
