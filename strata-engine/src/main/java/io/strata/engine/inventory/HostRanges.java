package io.strata.engine.inventory;

import java.util.ArrayList;
import java.util.List;

/** Ansible's host ranges: {@code node[01:10]}, {@code rack[a:c]-n[1:3]}, {@code db[0:20:5]}. */
final class HostRanges {

    /** Above this many hosts a pattern is kept as one name. */
    private static final int MAX_HOSTS = 100_000;

    private HostRanges() {
    }

    /** The host names a pattern stands for; the pattern itself when it has no valid range. */
    static List<String> expand(String pattern) {
        List<String> hosts = new ArrayList<>();
        return expandInto(pattern, hosts) ? hosts : List.of(pattern);
    }

    private static boolean expandInto(String pattern, List<String> hosts) {
        int open = pattern.indexOf('[');
        int close = pattern.indexOf(']', open + 1);
        if (open < 0 || close < 0) {
            hosts.add(pattern);
            return hosts.size() <= MAX_HOSTS;
        }
        String[] bounds = pattern.substring(open + 1, close).split(":", -1);
        if (bounds.length < 2 || bounds.length > 3 || bounds[0].isEmpty() && bounds[1].isEmpty()) {
            return false;
        }
        List<String> values = rangeValues(bounds);
        if (values.isEmpty()) {
            return false;
        }
        String head = pattern.substring(0, open);
        String tail = pattern.substring(close + 1);
        for (String value : values) {
            if (!expandInto(head + value + tail, hosts)) {
                return false;
            }
        }
        return true;
    }

    private static List<String> rangeValues(String[] bounds) {
        String start = bounds[0];
        String end = bounds[1];
        int step;
        try {
            step = bounds.length == 3 ? Integer.parseInt(bounds[2]) : 1;
        } catch (NumberFormatException e) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        if (step <= 0) {
            return values;
        }
        if (isLetter(start) && isLetter(end)) {
            for (char c = start.charAt(0); c <= end.charAt(0) && values.size() <= MAX_HOSTS; c += (char) step) {
                values.add(String.valueOf(c));
            }
            return values;
        }
        if (end.isEmpty()) {
            return values;   // Ansible refuses a range without an end: kept as one name, never a crash
        }
        if (start.isEmpty()) {
            start = "0";
        }
        if (!start.chars().allMatch(Character::isDigit) || !end.chars().allMatch(Character::isDigit)
                || start.length() > 9 || end.length() > 9) {
            return values;
        }
        int width = start.length();
        for (int i = Integer.parseInt(start); i <= Integer.parseInt(end) && values.size() <= MAX_HOSTS; i += step) {
            String number = Integer.toString(i);
            values.add("0".repeat(Math.max(0, width - number.length())) + number);
        }
        return values;
    }

    private static boolean isLetter(String bound) {
        return bound.length() == 1 && Character.isLetter(bound.charAt(0));
    }
}
