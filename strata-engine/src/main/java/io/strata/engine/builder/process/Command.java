package io.strata.engine.builder.process;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An external program to run: an argument vector (never a shell string), the environment
 * variables to set on top of the builder's own, and the working directory. Standard input is
 * always {@code /dev/null}.
 *
 * @param argv the program and its arguments
 * @param env variables added to (or overriding) the inherited environment
 * @param workDir the working directory, or null for the builder's
 */
public record Command(List<String> argv, Map<String, String> env, Path workDir) {

    /** Keeps immutable copies; the program must be named. */
    public Command {
        argv = List.copyOf(argv);
        env = Collections.unmodifiableMap(new TreeMap<>(env));
        if (argv.isEmpty()) {
            throw new IllegalArgumentException("a command needs a program");
        }
    }

    /** A command with no extra environment, run in the builder's directory. */
    public static Command of(List<String> argv) {
        return new Command(argv, Map.of(), null);
    }

    /** A command with no extra environment, run in the builder's directory. */
    public static Command of(String... argv) {
        return of(List.of(argv));
    }

    /** The same command with more environment variables. */
    public Command withEnv(Map<String, String> more) {
        Map<String, String> all = new TreeMap<>(env);
        all.putAll(more);
        return new Command(argv, all, workDir);
    }

    /** The same command run in a directory. */
    public Command in(Path dir) {
        return new Command(argv, env, dir);
    }

    /** The program's name (the first argument). */
    public String program() {
        return argv.get(0);
    }

    /**
     * The command as one line for logs: arguments with spaces or quotes are single-quoted.
     * Only for people to read; it is never given to a shell.
     */
    public String display() {
        StringBuilder text = new StringBuilder();
        for (String arg : argv) {
            if (text.length() > 0) {
                text.append(' ');
            }
            boolean plain = !arg.isEmpty() && arg.chars().allMatch(c -> c > ' ' && c != '\'' && c != '"' && c != '\\'
                    && c != '$' && c != '`' && c != ';' && c != '&' && c != '|' && c != '<' && c != '>' && c != '*'
                    && c != '(' && c != ')' && c != '{' && c != '}' && c != 127);
            text.append(plain ? arg : "'" + arg.replace("'", "'\\''") + "'");
        }
        return text.toString();
    }
}
