package io.strata.cli;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Tests that need a tool outside Maven (a GitLab runner, a browser): skipped without it, unless CI says it must be there. */
final class RequiredTools {

    private RequiredTools() {
    }

    /**
     * Skips the test when a tool is missing, or fails it when the environment variable {@code required} is set.
     *
     * @param required the variable that turns a missing tool into a failure (.ci/run sets it)
     * @param present whether the tool is there
     * @param missing what is missing and how to install it
     */
    static void need(String required, boolean present, String missing) {
        String value = System.getenv(required);
        if (!present && value != null && !value.isBlank()) {
            Assertions.fail(missing + " (" + required + " is set)");
        }
        Assumptions.assumeTrue(present, missing);
    }
}
