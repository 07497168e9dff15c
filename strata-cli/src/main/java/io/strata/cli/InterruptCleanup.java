package io.strata.cli;

import io.strata.engine.builder.process.Cancellation;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * While open, Ctrl-C (SIGINT) or SIGTERM cancels the work instead of ending the JVM at once: the
 * JVM waits (up to a limit) until the work has removed what it made and this is closed.
 */
final class InterruptCleanup implements AutoCloseable {

    private final CountDownLatch finished = new CountDownLatch(1);
    private final Thread hook;

    /**
     * @param cancellation cancelled on the signal
     * @param seconds how long the JVM waits for the cleanup
     * @param name the hook thread's name
     */
    InterruptCleanup(Cancellation cancellation, long seconds, String name) {
        hook = new Thread(() -> {
            if (finished.getCount() > 0) {
                cancellation.cancel("interrupted (SIGINT/SIGTERM)");
                try {
                    finished.await(seconds, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }, name);
        Runtime.getRuntime().addShutdownHook(hook);
    }

    @Override
    public void close() {
        finished.countDown();
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running and sees the latch released
        }
    }
}
