package io.strata.engine.contents;

import java.util.Comparator;

/**
 * The order of Debian package versions ({@code [epoch:]upstream[-revision]}), as dpkg compares
 * them (Debian Policy 5.6.12): epochs as numbers, then upstream versions and revisions part by
 * part, where a run of non-digits compares letters before other characters and {@code ~} before
 * everything, even the end, and a run of digits compares as a number. The tests check it against
 * {@code dpkg --compare-versions} itself.
 */
public final class DebianVersion {

    /** Versions in dpkg's order. */
    public static final Comparator<String> ORDER = DebianVersion::compare;

    private DebianVersion() {
    }

    /** Negative, zero or positive as version {@code a} is older than, equal to or newer than {@code b}. */
    public static int compare(String a, String b) {
        Parts left = Parts.of(a);
        Parts right = Parts.of(b);
        int order = Long.compare(left.epoch, right.epoch);
        if (order == 0) {
            order = compareParts(left.upstream, right.upstream);
        }
        if (order == 0) {
            order = compareParts(left.revision, right.revision);
        }
        return order;
    }

    private record Parts(long epoch, String upstream, String revision) {

        static Parts of(String version) {
            String text = version.strip();
            long epoch = 0;
            int colon = text.indexOf(':');
            if (colon > 0 && text.substring(0, colon).chars().allMatch(Character::isDigit) && colon < 19) {
                epoch = Long.parseLong(text.substring(0, colon));
                text = text.substring(colon + 1);
            }
            int hyphen = text.lastIndexOf('-');
            return hyphen < 0 ? new Parts(epoch, text, "") : new Parts(epoch, text.substring(0, hyphen), text.substring(hyphen + 1));
        }
    }

    /** dpkg's verrevcmp. */
    private static int compareParts(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() || j < b.length()) {
            while (i < a.length() && !isDigit(a.charAt(i)) || j < b.length() && !isDigit(b.charAt(j))) {
                int left = order(i < a.length() ? a.charAt(i) : 0);
                int right = order(j < b.length() ? b.charAt(j) : 0);
                if (left != right) {
                    return left - right;
                }
                i++;
                j++;
            }
            while (i < a.length() && a.charAt(i) == '0') {
                i++;
            }
            while (j < b.length() && b.charAt(j) == '0') {
                j++;
            }
            int firstDifference = 0;
            while (i < a.length() && isDigit(a.charAt(i)) && j < b.length() && isDigit(b.charAt(j))) {
                if (firstDifference == 0) {
                    firstDifference = a.charAt(i) - b.charAt(j);
                }
                i++;
                j++;
            }
            if (i < a.length() && isDigit(a.charAt(i))) {
                return 1;
            }
            if (j < b.length() && isDigit(b.charAt(j))) {
                return -1;
            }
            if (firstDifference != 0) {
                return firstDifference;
            }
        }
        return 0;
    }

    private static boolean isDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private static int order(int c) {
        if (isDigit(c)) {
            return 0;
        }
        if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z') {
            return c;
        }
        if (c == '~') {
            return -1;
        }
        return c == 0 ? 0 : c + 256;
    }
}
