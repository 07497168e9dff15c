package io.strata.engine.builder.process;

/** Receives the output of running commands, line by line, as it comes. */
@FunctionalInterface
public interface OutputSink {

    /** Discards everything. */
    OutputSink NONE = (stream, line) -> {
    };

    /** Which output a line came from. */
    enum Stream {
        /** Standard output. */
        OUT,
        /** Standard error. */
        ERR,
        /** A line the builder itself writes (the command it starts, a retry, a result). */
        INFO
    }

    /**
     * One line, without its line break.
     *
     * @param stream where it came from
     * @param line the text
     */
    void line(Stream stream, String line);
}
