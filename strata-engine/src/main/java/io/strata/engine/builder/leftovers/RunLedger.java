package io.strata.engine.builder.leftovers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * What a running build holds that would outlive it if it were killed (SIGKILL, a lost agent):
 * working containers, the process groups of the tools it runs, the temporary credentials file,
 * its scratch folders.
 * Each is written, as it is taken and as it is given back, to {@code runs/<pid>.ledger} in the
 * work folder, one line each, so that the next run can find what a killed run left
 * ({@link Leftovers}). A run that ends normally deletes its ledger.
 */
public final class RunLedger implements Holdings, AutoCloseable {

    /** The folder of the work folder that holds the ledgers. */
    static final String DIR = "runs";
    /** A ledger file's suffix. */
    static final String SUFFIX = ".ledger";

    private final Path file;

    private RunLedger(Path file) {
        this.file = file;
    }

    /**
     * Starts this process's ledger in a work folder.
     *
     * @throws UncheckedIOException when the work folder cannot hold it
     */
    public static RunLedger open(Path workDir) {
        ProcessHandle self = ProcessHandle.current();
        Path file = workDir.resolve(DIR).resolve(self.pid() + SUFFIX);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's ledger " + file, e);
        }
        RunLedger ledger = new RunLedger(file);
        ledger.append("run " + self.pid() + " " + LedgerEntry.startOf(self));
        return ledger;
    }

    @Override
    public void containerCreated(String name) {
        append("+container " + name);
    }

    @Override
    public void containerRemoved(String name) {
        append("-container " + name);
    }

    @Override
    public void processStarted(ProcessHandle process) {
        append("+process " + process.pid() + " " + LedgerEntry.startOf(process));
    }

    @Override
    public void processEnded(ProcessHandle process) {
        append("-process " + process.pid());
    }

    @Override
    public void secretFileCreated(Path path) {
        append("+file " + path.toAbsolutePath());
    }

    @Override
    public void secretFileRemoved(Path path) {
        append("-file " + path.toAbsolutePath());
    }

    @Override
    public void folderCreated(Path path) {
        append("+folder " + path.toAbsolutePath());
    }

    @Override
    public void folderRemoved(Path path) {
        append("-folder " + path.toAbsolutePath());
    }

    /** Each line reaches the file before the call returns: a SIGKILL right after loses nothing. */
    private synchronized void append(String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the run's ledger " + file, e);
        }
    }

    /** The run ended and gave everything back: its ledger goes. */
    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run's ledger " + file, e);
        }
    }
}
