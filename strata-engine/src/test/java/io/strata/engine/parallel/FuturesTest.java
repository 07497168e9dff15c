package io.strata.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Waiting for work done on another thread gives its value or its own exception. */
class FuturesTest {

    @Test
    void givesTheValueOfWorkDoneElsewhere() {
        assertEquals("done", Futures.join(CompletableFuture.supplyAsync(() -> "done")));
    }

    @Test
    void rethrowsTheRuntimeExceptionTheWorkEndedWith() {
        UncheckedIOException failure = new UncheckedIOException(new IOException("cannot read"));
        CompletableFuture<String> future = CompletableFuture.supplyAsync(() -> {
            throw failure;
        });
        assertSame(failure, assertThrows(UncheckedIOException.class, () -> Futures.join(future)));
    }

    @Test
    void keepsOtherFailuresWrapped() {
        CompletableFuture<String> future = CompletableFuture.failedFuture(new IOException("checked"));
        assertThrows(CompletionException.class, () -> Futures.join(future));
    }
}
