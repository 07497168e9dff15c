package io.strata.engine.ansible;

import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The settings an {@code ansible.cfg} holds, as Python's configparser reads it for Ansible: its
 * section headers and {@code key = value} lines, without full-line comments, blank lines and the
 * spacing around delimiters, keys in lower case, continuation lines with their values. Two files
 * with the same settings configure every run alike; an inline comment counts as part of its value
 * (the side that never misses a change).
 */
public final class AnsibleCfgSettings {

    private AnsibleCfgSettings() {
    }

    /** Whether the repository's {@code ansible.cfg} holds the same settings in both trees (none when it is absent). */
    public static boolean same(SourceTree before, SourceTree after) {
        return of(before.readString(AnsibleConfig.FILE).orElse("")).equals(of(after.readString(AnsibleConfig.FILE).orElse("")));
    }

    /** The settings of a file's text, one normalised line each. */
    static List<String> of(String text) {
        List<String> settings = new ArrayList<>();
        int blanks = 0;
        for (String raw : text.split("\\R")) {
            String line = raw.strip();
            if (line.startsWith("#") || line.startsWith(";")) {
                continue;
            }
            if (line.isEmpty()) {
                blanks++;
                continue;
            }
            if (Character.isWhitespace(raw.charAt(0)) && !settings.isEmpty()) {
                // A continuation line: the blank lines before it are part of the value too.
                settings.addAll(Collections.nCopies(blanks, " "));
                settings.add(" " + line);
            } else {
                settings.add(setting(line));
            }
            blanks = 0;
        }
        return settings;
    }

    /** A section header as written; an option as {@code key=value}, its key in lower case ('=' and ':' delimit alike). */
    private static String setting(String line) {
        if (line.startsWith("[")) {
            return line;
        }
        int equals = line.indexOf('=');
        int colon = line.indexOf(':');
        int delimiter = equals < 0 ? colon : colon < 0 ? equals : Math.min(equals, colon);
        if (delimiter < 0) {
            return line.toLowerCase(Locale.ROOT);
        }
        return line.substring(0, delimiter).strip().toLowerCase(Locale.ROOT) + "=" + line.substring(delimiter + 1).strip();
    }
}
