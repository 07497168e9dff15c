package io.strata.engine.builder.publish;

import java.time.Duration;

/**
 * How often registry operations are attempted when the registry cannot be reached, and how long
 * to wait between attempts (the delay doubles each time). buildah and skopeo also retry on their
 * own inside each attempt.
 *
 * @param attempts the number of attempts, the first included
 * @param delay the wait before the second attempt
 */
public record RetrySchedule(int attempts, Duration delay) {

    /** Three attempts, 2 s then 4 s apart. */
    public static final RetrySchedule DEFAULT = new RetrySchedule(3, Duration.ofSeconds(2));

    /** At least one attempt. */
    public RetrySchedule {
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be at least 1");
        }
    }

    /** The wait after a failed attempt number {@code attempt} (1-based). */
    public Duration delayAfter(int attempt) {
        return delay.multipliedBy(1L << Math.min(attempt - 1, 10));
    }
}
