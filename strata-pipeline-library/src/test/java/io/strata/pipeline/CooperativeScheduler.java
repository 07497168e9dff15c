package io.strata.pipeline;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Runs a pipeline's branches one at a time on a virtual clock, as the CPS VM thread runs a
 * Pipeline's parallel branches: a branch runs until it blocks (a step that takes time, a
 * {@code waitUntil} condition that does not hold yet, or waiting for the branches it started), then
 * another one runs. The clock moves only when every branch is blocked, to the end of the next
 * timed step, so a run is deterministic and takes no real time. A blocked condition is evaluated
 * again after anything else happened (Jenkins polls it); a run in which nothing can happen any
 * more is a deadlock and fails. An abort, as a user's click on the stop button, interrupts every
 * branch at its next blocking point.
 */
final class CooperativeScheduler {

    private static final Comparator<Wakeup> BY_TIME = Comparator.comparingLong(Wakeup::at).thenComparingLong(Wakeup::order);

    private final Deque<Fiber> ready = new ArrayDeque<>();
    private final List<Fiber> waitingOnCondition = new ArrayList<>();
    private final PriorityQueue<Wakeup> wakeups = new PriorityQueue<>(BY_TIME);
    private final ThreadLocal<Fiber> current = new ThreadLocal<>();
    private final CompletableFuture<Object> mainOutcome = new CompletableFuture<>();
    private long now;
    private long events;
    private long order;
    private boolean aborted;

    /** The interruption a branch gets at its next blocking point once the run is aborted (stands for Jenkins' FlowInterruptedException). */
    static final class AbortDouble extends RuntimeException {
        AbortDouble() {
            super("Aborted by the test (double of an abort from the user)");
        }
    }

    /** One branch of execution, on its own thread, running only while it holds its baton. */
    static final class Fiber {
        private final String name;
        private final Semaphore baton = new Semaphore(0);
        private final List<Fiber> joiners = new ArrayList<>();
        private boolean done;
        private Throwable failure;
        private long eventsSeen;

        private Fiber(String name) {
            this.name = name;
        }

        String name() {
            return name;
        }
    }

    private record Wakeup(long at, long order, Fiber fiber) {
    }

    /** Virtual time now. */
    long now() {
        return now;
    }

    /** The fiber running on this thread. */
    Fiber current() {
        return current.get();
    }

    /** Aborts the run at virtual time {@code at}. */
    void abortAt(long at) {
        wakeups.add(new Wakeup(at, order++, null));
    }

    /**
     * Runs {@code body} as the pipeline's main fiber and returns what it returns, or throws what it
     * throws; fails when the run deadlocks or does not end within {@code timeoutSeconds} of real time.
     */
    Object run(Callable<Object> body, long timeoutSeconds) throws Throwable {
        Fiber main = start("main", () -> {
            try {
                mainOutcome.complete(body.call());
            } catch (Throwable e) {
                mainOutcome.completeExceptionally(e);
            }
            return null;
        });
        ready.remove(main);
        main.baton.release();
        try {
            return mainOutcome.get(timeoutSeconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            throw new AssertionError("the pipeline did not end within " + timeoutSeconds + " s", e);
        }
    }

    /** Starts a fiber that runs once the current one blocks; see {@link #join}. */
    Fiber start(String name, Callable<?> body) {
        Fiber fiber = new Fiber(name);
        Thread thread = new Thread(() -> {
            current.set(fiber);
            fiber.baton.acquireUninterruptibly();
            try {
                body.call();
            } catch (Throwable e) {
                fiber.failure = e;
            }
            end(fiber);
        }, "pipeline branch " + name);
        thread.setDaemon(true);
        thread.start();
        ready.add(fiber);
        return fiber;
    }

    /** Blocks the current fiber until every one of {@code fibers} ended; returns their failures, in order. */
    List<Throwable> join(List<Fiber> fibers) {
        Fiber self = current();
        for (Fiber fiber : fibers) {
            while (!fiber.done) {
                fiber.joiners.add(self);
                park(self);
            }
        }
        List<Throwable> failures = new ArrayList<>();
        for (Fiber fiber : fibers) {
            if (fiber.failure != null) {
                failures.add(fiber.failure);
            }
        }
        return failures;
    }

    /** Blocks the current fiber for {@code duration} of virtual time. */
    void sleep(long duration) {
        Fiber self = current();
        checkAborted();
        wakeups.add(new Wakeup(now + duration, order++, self));
        park(self);
        checkAborted();
    }

    /** Blocks the current fiber until {@code condition} holds, evaluating it again after each other event. */
    void waitUntil(BooleanSupplier condition) {
        Fiber self = current();
        while (true) {
            checkAborted();
            if (condition.getAsBoolean()) {
                events++;
                return;
            }
            self.eventsSeen = events;
            waitingOnCondition.add(self);
            park(self);
        }
    }

    /** Throws the abort double when the run was aborted. */
    void checkAborted() {
        if (aborted) {
            throw new AbortDouble();
        }
    }

    private void end(Fiber fiber) {
        fiber.done = true;
        events++;
        ready.addAll(fiber.joiners);
        fiber.joiners.clear();
        if (!mainOutcome.isDone()) {
            handOver(next());
        }
    }

    private void park(Fiber self) {
        Fiber next = next();
        if (next != self) {
            handOver(next);
            self.baton.acquireUninterruptibly();
        }
    }

    private void handOver(Fiber next) {
        if (next == null) {
            mainOutcome.completeExceptionally(new AssertionError("deadlock at t=" + now + ": branches wait on conditions that "
                    + "nothing can make true: " + waitingOnCondition.stream().map(Fiber::name).toList()));
            return;
        }
        next.baton.release();
    }

    /** The fiber to run next: a ready one, else a condition waiter that has not seen the latest events, else the next wakeup. */
    private Fiber next() {
        while (true) {
            Fiber fiber = ready.poll();
            if (fiber != null) {
                return fiber;
            }
            for (Iterator<Fiber> waiters = waitingOnCondition.iterator(); waiters.hasNext(); ) {
                Fiber waiter = waiters.next();
                if (waiter.eventsSeen < events) {
                    waiters.remove();
                    return waiter;
                }
            }
            Wakeup wakeup = wakeups.poll();
            if (wakeup == null) {
                return null;
            }
            now = Math.max(now, wakeup.at());
            events++;
            if (wakeup.fiber() != null) {
                ready.add(wakeup.fiber());
            } else {
                abortEverything();
            }
        }
    }

    private void abortEverything() {
        aborted = true;
        ready.addAll(waitingOnCondition);
        waitingOnCondition.clear();
        List<Wakeup> sleeping = new ArrayList<>(wakeups);
        wakeups.clear();
        sleeping.sort(BY_TIME);
        for (Wakeup wakeup : sleeping) {
            if (wakeup.fiber() != null) {
                ready.add(wakeup.fiber());
            }
        }
    }
}
