package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Ansible's INI hosts format: {@code [group]} host lines with inline {@code k=v} variables,
 * {@code [group:children]}, {@code [group:vars]}; hosts before any section are ungrouped.
 */
final class IniHostsParser {

    private static final Pattern SECTION = Pattern.compile("^\\[([^\\]]+)\\]\\s*(?:[#;].*)?$");
    private static final Pattern INTEGER = Pattern.compile("[-+]?(?:0|[1-9](?:_?[0-9])*)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9]+\\.[0-9]*|\\.[0-9]+)(?:[eE][-+]?[0-9]+)?|[-+]?[0-9]+[eE][-+]?[0-9]+");
    private static final String HINT = "write 'host key=value ...' under [group], 'key=value' under [group:vars], "
            + "a group name under [group:children]";

    private enum State { HOSTS, VARS, CHILDREN }

    private final String file;
    private final InventoryLoader sink;
    private String group = "ungrouped";
    private State state = State.HOSTS;

    private IniHostsParser(String file, InventoryLoader sink) {
        this.file = file;
        this.sink = sink;
    }

    /** Reads a hosts file into the loader; lines it cannot read become problems. */
    static void parse(String file, String text, InventoryLoader sink) {
        IniHostsParser parser = new IniHostsParser(file, sink);
        String[] lines = text.split("\r?\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (!line.isEmpty() && line.charAt(0) != '#' && line.charAt(0) != ';') {
                parser.line(line, i + 1);
            }
        }
    }

    private void line(String line, int number) {
        Matcher section = SECTION.matcher(line);
        if (section.matches()) {
            section(section.group(1).strip(), number);
        } else if (line.startsWith("[")) {
            problem(number, "a section header is not closed with ']'");
        } else if (state == State.HOSTS) {
            hostLine(line, number);
        } else if (state == State.CHILDREN) {
            String child = line.split("\\s+")[0];
            sink.declare(child);
            sink.child(group, child);
        } else {
            int equals = line.indexOf('=');
            if (equals <= 0) {
                problem(number, "expected key=value in [" + group + ":vars]");
                return;
            }
            String name = line.substring(0, equals).strip();
            sink.groupVariable(file, group, name, value(line.substring(equals + 1).strip()),
                    new SourceLocation(file, number, 1));
        }
    }

    private void section(String header, int number) {
        int colon = header.lastIndexOf(':');
        String suffix = colon < 0 ? "hosts" : header.substring(colon + 1);
        State next = switch (suffix) {
            case "hosts" -> State.HOSTS;
            case "vars" -> State.VARS;
            case "children" -> State.CHILDREN;
            default -> null;
        };
        if (next == null) {
            problem(number, "unknown section type '" + suffix + "'");
            return;
        }
        group = colon < 0 ? header : header.substring(0, colon);
        state = next;
        sink.declare(group);
    }

    private void hostLine(String line, int number) {
        Optional<List<String>> words = ShellWords.split(line);
        if (words.isEmpty()) {
            problem(number, "a quotation is not closed");
            return;
        }
        List<String> tokens = words.get();
        if (tokens.isEmpty()) {
            return;
        }
        List<String> hosts = HostRanges.expand(withoutPort(tokens.get(0)));
        for (String host : hosts) {
            sink.host(group, host);
        }
        for (String assignment : tokens.subList(1, tokens.size())) {
            int equals = assignment.indexOf('=');
            if (equals <= 0) {
                problem(number, "expected key=value host variables after the host name, found '" + assignment + "'");
                return;
            }
            Object value = value(assignment.substring(equals + 1));
            for (String host : hosts) {
                sink.hostVariable(file, host, assignment.substring(0, equals), value, new SourceLocation(file, number, 1));
            }
        }
    }

    /** "host:2222" is host "host"; an IPv6 address keeps its colons. */
    private static String withoutPort(String pattern) {
        int colon = pattern.lastIndexOf(':');
        boolean port = colon > 0 && pattern.indexOf(':') == colon && colon + 1 < pattern.length()
                && pattern.substring(colon + 1).chars().allMatch(Character::isDigit);
        return port ? pattern.substring(0, colon) : pattern;
    }

    /**
     * Ansible's {@code _parse_value}: a Python literal (number, True/False/None, quoted string)
     * when the text is one, else the text itself.
     */
    static Object value(String text) {
        if (text.contains("#")) {
            return text;
        }
        if (INTEGER.matcher(text).matches()) {
            BigInteger number = new BigInteger(text.replace("_", "").replace("+", ""));
            if (number.bitLength() < 32) {
                return number.intValue();
            }
            return number.bitLength() < 64 ? (Object) number.longValue() : number;
        }
        if (FLOAT.matcher(text).matches()) {
            return Double.parseDouble(text);
        }
        switch (text) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        boolean quoted = text.length() >= 2 && (text.charAt(0) == '\'' || text.charAt(0) == '"')
                && text.charAt(text.length() - 1) == text.charAt(0)
                && text.indexOf(text.charAt(0), 1) == text.length() - 1;
        return quoted ? text.substring(1, text.length() - 1) : text;
    }

    private void problem(int line, String message) {
        sink.problem(new Problem(new SourceLocation(file, line, 1), "", message, HINT));
    }
}
