package io.strata.engine.contents;

import java.util.Comparator;

/**
 * RPM's version order, for the versions {@link RpmDatabase} writes ({@code [epoch:]version-release}):
 * epochs as numbers (none is 0), then version and release each by rpm's own {@code rpmvercmp}
 * (segments of digits or of ASCII letters; digits newer than letters; {@code ~} sorts before
 * anything, even the end; {@code ^} after the end but before anything else).
 */
public final class RpmVersion {

    /** The order as a comparator. */
    public static final Comparator<String> ORDER = RpmVersion::compare;

    private RpmVersion() {
    }

    /** Negative, zero or positive as {@code a} is older than, the same as, or newer than {@code b}. */
    public static int compare(String a, String b) {
        Evr x = Evr.of(a);
        Evr y = Evr.of(b);
        int epoch = Long.compare(x.epoch, y.epoch);
        if (epoch != 0) {
            return epoch;
        }
        int version = vercmp(x.version, y.version);
        if (version != 0 || x.release == null || y.release == null) {
            return version;
        }
        return vercmp(x.release, y.release);
    }

    /** Epoch, version and release of {@code [epoch:]version[-release]}. */
    private record Evr(long epoch, String version, String release) {

        static Evr of(String text) {
            int colon = text.indexOf(':');
            long epoch = 0;
            String rest = text;
            if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isDigit) && colon <= 18) {
                epoch = Long.parseLong(text.substring(0, colon));
                rest = text.substring(colon + 1);
            }
            int dash = rest.lastIndexOf('-');
            return dash < 0 ? new Evr(epoch, rest, null) : new Evr(epoch, rest.substring(0, dash), rest.substring(dash + 1));
        }
    }

    /** rpm's {@code rpmvercmp} of two version (or release) strings. */
    static int vercmp(String a, String b) {
        if (a.equals(b)) {
            return 0;
        }
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !alnum(a.charAt(i)) && a.charAt(i) != '~' && a.charAt(i) != '^') {
                i++;
            }
            while (j < b.length() && !alnum(b.charAt(j)) && b.charAt(j) != '~' && b.charAt(j) != '^') {
                j++;
            }
            char one = i < a.length() ? a.charAt(i) : 0;
            char two = j < b.length() ? b.charAt(j) : 0;
            if (one == '~' || two == '~') {
                if (one != '~') {
                    return 1;
                }
                if (two != '~') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == '^' || two == '^') {
                if (one == 0) {
                    return -1;
                }
                if (two == 0) {
                    return 1;
                }
                if (one != '^') {
                    return 1;
                }
                if (two != '^') {
                    return -1;
                }
                i++;
                j++;
                continue;
            }
            if (one == 0 || two == 0) {
                break;
            }
            boolean numeric = digit(one);
            int endA = segmentEnd(a, i, numeric);
            int endB = segmentEnd(b, j, numeric);
            if (endB == j) {
                return numeric ? 1 : -1;
            }
            String x = a.substring(i, endA);
            String y = b.substring(j, endB);
            if (numeric) {
                x = x.replaceFirst("^0+", "");
                y = y.replaceFirst("^0+", "");
                if (x.length() != y.length()) {
                    return x.length() > y.length() ? 1 : -1;
                }
            }
            int order = x.compareTo(y);
            if (order != 0) {
                return order < 0 ? -1 : 1;
            }
            i = endA;
            j = endB;
        }
        boolean leftA = i < a.length();
        boolean leftB = j < b.length();
        if (!leftA && !leftB) {
            return 0;
        }
        return leftA ? 1 : -1;
    }

    private static int segmentEnd(String s, int from, boolean numeric) {
        int end = from;
        while (end < s.length() && (numeric ? digit(s.charAt(end)) : alpha(s.charAt(end)))) {
            end++;
        }
        return end;
    }

    private static boolean digit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean alpha(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    private static boolean alnum(char c) {
        return digit(c) || alpha(c);
    }
}
