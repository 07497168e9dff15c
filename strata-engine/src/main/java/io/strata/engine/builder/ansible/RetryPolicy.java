package io.strata.engine.builder.ansible;

import io.strata.engine.builder.process.CommandResult;
import java.util.List;

/**
 * When a failed playbook run is tried again on a fresh container: only when its output shows a
 * transient failure of the connection, and at most {@code attempts} times in all.
 *
 * @param attempts the number of runs, the first included (1: no retry)
 * @param transientMarkers output texts that mark a transient failure
 */
public record RetryPolicy(int attempts, List<String> transientMarkers) {

    /** What {@code containers.podman.buildah} prints when a module's output got lost. */
    public static final String MODULE_FAILURE = "MODULE FAILURE";

    /** Keeps an immutable copy; at least one attempt. */
    public RetryPolicy {
        transientMarkers = List.copyOf(transientMarkers);
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The policy of a connection with its default attempts, or with {@code attempts} when positive. */
    public static RetryPolicy of(Connection connection, int attempts) {
        return new RetryPolicy(attempts > 0 ? attempts : connection.defaultAttempts(), List.of(MODULE_FAILURE));
    }

    /** Whether a failed run should be tried again, after {@code attempt} runs. */
    public boolean retry(CommandResult result, int attempt) {
        if (result.ok() || attempt >= attempts) {
            return false;
        }
        String output = result.stdout() + "\n" + result.stderr();
        return transientMarkers.stream().anyMatch(output::contains);
    }
}
