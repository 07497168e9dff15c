package io.strata.engine.builder.leftovers;

import java.time.Instant;

/**
 * One thing a ledger says a run held: a {@code container}, a {@code process} (with its start
 * time, so that a recycled pid is never taken for it) or a {@code file}.
 *
 * @param kind container, process or file
 * @param value the container's name, the process's pid, the file's path
 * @param started a process's start time ({@code -} when unknown or not a process)
 */
record LedgerEntry(String kind, String value, String started) {

    /** A process's start time as the ledger writes it, {@code -} when the system does not say. */
    static String startOf(ProcessHandle process) {
        return process.info().startInstant().map(Instant::toString).orElse("-");
    }

    /** Whether this process entry names a process that is still the one the ledger saw start. */
    boolean isLiveProcess() {
        return ProcessHandle.of(Long.parseLong(value)).filter(ProcessHandle::isAlive)
                .filter(handle -> started.equals("-") || started.equals(startOf(handle))).isPresent();
    }
}
