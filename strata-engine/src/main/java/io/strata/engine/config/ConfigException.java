package io.strata.engine.config;

import java.util.List;
import java.util.stream.Collectors;

/** A user's input is invalid; carries every problem found, each with file, line and hint. */
public class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Problem> problems;

    /** An exception carrying all problems found. */
    public ConfigException(List<Problem> problems) {
        super(problems.stream().map(Problem::format).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /** An exception carrying one problem. */
    public ConfigException(Problem problem) {
        this(List.of(problem));
    }

    /** The problems, in file order. */
    public List<Problem> problems() {
        return problems;
    }
}
