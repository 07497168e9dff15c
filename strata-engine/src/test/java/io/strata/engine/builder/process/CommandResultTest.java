package io.strata.engine.builder.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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

    @Test
    void aMachineCauseAtTheEndOfALongChainedErrorLineIsKept() {
        String chained = "Error: committing container \"strata-hsn-base-24e914b0\" to \"\": copying layers and metadata for container \""
                + "0".repeat(64) + "\": writing blob: adding layer with blob \"sha256:" + "d".repeat(64) + "\": processing tar file(write"
                + " /filler: no space left on device): exit status 1";
        String summary = new CommandResult(125, "", chained + "\n").errorSummary();
        assertTrue(summary.startsWith("Error: committing container \"strata-hsn-base-24e914b0\""), summary);
        assertTrue(summary.endsWith("processing tar file(write /filler: no space left on device): exit status 1"), summary);
        assertTrue(summary.length() < 420, summary);
        String plain = "x".repeat(500);
        assertEquals("error " + "x".repeat(294) + "...", new CommandResult(1, "", "error " + plain).errorSummary(), "no cause: cut at 300");
    }
}
