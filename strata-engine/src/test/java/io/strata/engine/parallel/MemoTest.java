package io.strata.engine.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MemoTest {

    @Test
    void aValueIsComputedOnceAndThenShared() {
        Memo<String, StringBuilder> memo = new Memo<>();
        AtomicInteger computed = new AtomicInteger();
        StringBuilder first = memo.get("a", key -> {
            computed.incrementAndGet();
            return new StringBuilder(key);
        });
        assertSame(first, memo.get("a", key -> new StringBuilder("other")));
        assertEquals(1, computed.get());
    }

    @Test
    void aLongComputationDoesNotBlockOtherKeys() throws Exception {
        Memo<Integer, String> memo = new Memo<>();
        CountDownLatch slowStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> slow = pool.submit(() -> memo.get(1, key -> {
                slowStarted.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "slow";
            }));
            slowStarted.await(10, TimeUnit.SECONDS);
            // While key 1 is computed, keys that share its bin (17, 33, ...) are computed too.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                for (int key = 2; key < 200; key++) {
                    assertEquals("v" + key, memo.get(key, k -> "v" + k));
                }
            });
            release.countDown();
            assertEquals("slow", slow.get(10, TimeUnit.SECONDS));
            assertEquals("slow", memo.get(1, key -> "again"));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSingleFlightKeyIsComputedOnceWhileOtherThreadsWaitForIt() throws Exception {
        Memo<String, String> memo = Memo.singleFlight();
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            Future<String> first = pool.submit(() -> memo.get("file", key -> {
                computed.incrementAndGet();
                started.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return "parsed";
            }));
            started.await(10, TimeUnit.SECONDS);
            Future<String> second = pool.submit(() -> memo.get("file", key -> {
                computed.incrementAndGet();
                return "again";
            }));
            Thread.sleep(200);
            release.countDown();
            assertEquals("parsed", first.get(10, TimeUnit.SECONDS));
            assertEquals("parsed", second.get(10, TimeUnit.SECONDS), "the second waited for the first");
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailedSingleFlightComputationFailsItsWaitersAndIsNotKept() {
        Memo<String, String> memo = Memo.singleFlight();
        IllegalStateException failure = assertThrows(IllegalStateException.class, () -> memo.get("file", key -> {
            throw new IllegalStateException("cannot parse");
        }));
        assertEquals("cannot parse", failure.getMessage());
        assertEquals("parsed", memo.get("file", key -> "parsed"), "the next ask computes again");
    }

    @Test
    void aSingleFlightKeyAskedAgainByTheThreadComputingItIsComputedNotAwaited() {
        Memo<String, String> memo = Memo.singleFlight();
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertEquals("outer(inner)",
                memo.get("k", key -> "outer(" + memo.get("k", again -> "inner") + ")")));
    }
}
