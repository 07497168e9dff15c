package io.strata.engine.builder.process;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommandResultTest {

    @Test
    void theSummaryLeadsWithASystemCauseThenTheLastErrorLines() {
        CommandResult full = new CommandResult(1, "", "I: downloading\nwrite error: No space left on device\nI: cleaning up\n"
                + "E: tar failed\nE: mmdebstrap failed to run\n");
        assertEquals("write error: No space left on device | E: tar failed | E: mmdebstrap failed to run", full.errorSummary());
    }

    @Test
    void withoutErrorWordsTheLastLineIsShownAndStdoutCountsWhenStderrIsEmpty() {
        assertEquals("done 3 of 4", new CommandResult(2, "", "step 1\ndone 3 of 4\n").errorSummary());
        assertEquals("Error: unknown flag", new CommandResult(2, "usage\nError: unknown flag\n", "").errorSummary());
        assertEquals("", new CommandResult(2, "", "").errorSummary());
    }
}
