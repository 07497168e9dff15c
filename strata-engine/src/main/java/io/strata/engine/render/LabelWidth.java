package io.strata.engine.render;

/**
 * An estimate of how wide a line of text is drawn, without fonts or AWT: advance widths of
 * DejaVu Sans, the widest of the usual sans-serif faces, so that a label sized from the estimate
 * fits whichever sans-serif face the viewer picks.
 */
final class LabelWidth {

    /** Advance widths of ASCII 32..126, in 1/2048 em (DejaVu Sans). */
    private static final int[] ASCII = {
        651, 821, 942, 1716, 1303, 1946, 1597, 563, 799, 799, 1024, 1716, 651, 739, 651, 690,
        1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 1303, 690, 690, 1716, 1716, 1716, 1087,
        2048, 1401, 1405, 1430, 1577, 1294, 1178, 1587, 1540, 604, 604, 1343, 1141, 1767, 1532, 1612,
        1235, 1612, 1423, 1300, 1251, 1499, 1401, 2025, 1403, 1251, 1403, 799, 690, 799, 1716, 1024,
        1024, 1255, 1300, 1126, 1300, 1260, 721, 1300, 1298, 569, 569, 1186, 569, 1995, 1298, 1253,
        1300, 1300, 842, 1067, 803, 1298, 1212, 1675, 1212, 1212, 1075, 1303, 690, 1303, 1716,
    };

    /** Width of a character outside ASCII: a wide letter, or a full em for ideographs. */
    private static final int OTHER = 1400;
    private static final int WIDE = 2048;

    private LabelWidth() {
    }

    /** The width, in the units of {@code fontSize}, of {@code text} on one line. */
    static double of(String text, double fontSize) {
        long units = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c >= 32 && c <= 126) {
                units += ASCII[c - 32];
            } else {
                units += Character.isIdeographic(c) || Character.getType(c) == Character.OTHER_SYMBOL ? WIDE : OTHER;
            }
        }
        return units * fontSize / 2048.0;
    }
}
