package io.strata.engine.builder.leftovers;

import io.strata.engine.builder.process.Cancellation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * One build at a time in a work folder: an exclusive lock on {@code <work-dir>/lock}, held for the
 * whole run. A second run on the same folder (another terminal, a second executor of the same
 * agent) says once that it waits, then waits for the first to end; runs on different work
 * folders are not held up. The kernel releases the lock when its holder dies, even by SIGKILL,
 * so a killed run never blocks the next. Within one JVM (a Jenkins agent runs its builds in one)
 * the folder is also claimed in memory, since a JVM cannot hold two file locks on one file.
 */
public final class WorkFolderLock implements AutoCloseable {

    /** The lock file in the work folder; it names the holder's process ID. */
    static final String FILE = "lock";
    private static final long POLL_MILLIS = 200;
    private static final Set<Path> HELD_IN_THIS_JVM = ConcurrentHashMap.newKeySet();

    private final Path folder;
    private final FileChannel channel;
    private final FileLock lock;

    private WorkFolderLock(Path folder, FileChannel channel, FileLock lock) {
        this.folder = folder;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Takes the work folder, waiting while another run holds it.
     *
     * @param workDir the work folder (it exists)
     * @param cancellation stops the wait when it fires
     * @param note told once, when this run has to wait
     * @return the held lock, or empty when the run was cancelled while it waited
     * @throws UncheckedIOException when the lock file cannot be written
     */
    public static Optional<WorkFolderLock> acquire(Path workDir, Cancellation cancellation, Consumer<String> note) {
        Path folder = workDir.toAbsolutePath().normalize();
        boolean told = false;
        while (true) {
            Optional<WorkFolderLock> taken = tryTake(folder);
            if (taken.isPresent()) {
                return taken;
            }
            if (!told) {
                note.accept("another build" + holder(folder.resolve(FILE)) + " is using the work folder " + folder
                        + "; this one waits for it to finish");
                told = true;
            }
            if (!pause(cancellation)) {
                return Optional.empty();
            }
        }
    }

    /** The folder's lock if no build of this JVM or another process holds it, naming this process in the file. */
    private static Optional<WorkFolderLock> tryTake(Path folder) {
        if (!HELD_IN_THIS_JVM.add(folder)) {
            return Optional.empty();
        }
        Path file = folder.resolve(FILE);
        FileChannel channel = null;
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
            FileLock lock = channel.tryLock();
            if (lock == null) {
                channel.close();
                HELD_IN_THIS_JVM.remove(folder);
                return Optional.empty();
            }
            channel.truncate(0);
            channel.write(ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)), 0);
            return Optional.of(new WorkFolderLock(folder, channel, lock));
        } catch (IOException e) {
            HELD_IN_THIS_JVM.remove(folder);
            closeQuietly(channel);
            throw new UncheckedIOException("cannot lock the work folder " + folder + " (" + e.getMessage() + ")", e);
        }
    }

    /** " (pid N)" as the lock file names the holder, or "" when it does not say yet. */
    private static String holder(Path file) {
        try {
            String pid = Files.readString(file, StandardCharsets.US_ASCII).trim();
            return pid.matches("[0-9]+") ? " (pid " + pid + ")" : "";
        } catch (IOException e) {
            return "";
        }
    }

    /** Sleeps a moment; false when the run was cancelled (or interrupted) instead. */
    private static boolean pause(Cancellation cancellation) {
        if (cancellation.isCancelled()) {
            return false;
        }
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
        return !cancellation.isCancelled();
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                // the lock is released with the channel either way
            }
        }
    }

    /** Releases the folder. */
    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException e) {
            // closing the channel releases it too
        } finally {
            closeQuietly(channel);
            HELD_IN_THIS_JVM.remove(folder);
        }
    }
}
