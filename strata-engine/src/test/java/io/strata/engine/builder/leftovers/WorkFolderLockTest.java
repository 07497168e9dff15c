package io.strata.engine.builder.leftovers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.process.Cancellation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(30)
class WorkFolderLockTest {

    @TempDir
    Path work;

    private final List<String> notes = new CopyOnWriteArrayList<>();

    @Test
    void aSecondRunOnTheSameFolderSaysItWaitsAndStartsOnlyWhenTheFirstEnds() throws Exception {
        WorkFolderLock first = WorkFolderLock.acquire(work, new Cancellation(), notes::add).orElseThrow();
        assertEquals(ProcessHandle.current().pid() + "\n", Files.readString(work.resolve(WorkFolderLock.FILE)), "the holder is named");
        CompletableFuture<Optional<WorkFolderLock>> second = CompletableFuture.supplyAsync(
                () -> WorkFolderLock.acquire(work.resolve("."), new Cancellation(), notes::add));
        Thread.sleep(600);
        assertFalse(second.isDone(), "the second run waits");
        assertEquals(List.of("another build (pid " + ProcessHandle.current().pid() + ") is using the work folder " + work
                + "; this one waits for it to finish"), notes, "said once, with the holder");
        first.close();
        second.get(10, TimeUnit.SECONDS).orElseThrow().close();
        assertEquals(1, notes.size());
    }

    @Test
    void aCancelledWaitReturnsNothingAndLeavesTheHolderAlone() throws Exception {
        try (WorkFolderLock first = WorkFolderLock.acquire(work, new Cancellation(), notes::add).orElseThrow()) {
            Cancellation cancellation = new Cancellation();
            CompletableFuture<Optional<WorkFolderLock>> second = CompletableFuture.supplyAsync(
                    () -> WorkFolderLock.acquire(work, cancellation, notes::add));
            Thread.sleep(300);
            cancellation.cancel("interrupted");
            assertEquals(Optional.empty(), second.get(10, TimeUnit.SECONDS));
        }
        WorkFolderLock.acquire(work, new Cancellation(), notes::add).orElseThrow().close();
    }

    @Test
    void differentFoldersDoNotWaitForEachOther() throws Exception {
        Path other = Files.createDirectories(work.resolve("other"));
        try (WorkFolderLock first = WorkFolderLock.acquire(work, new Cancellation(), notes::add).orElseThrow();
                WorkFolderLock second = WorkFolderLock.acquire(other, new Cancellation(), notes::add).orElseThrow()) {
            assertTrue(notes.isEmpty(), notes.toString());
        }
    }

    @Test
    void anotherProcessHoldingTheFolderMakesThisOneWaitUntilItExits() throws Exception {
        // Another JVM takes the lock as a build does, and says when it is about to exit (which releases it).
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path holder = work.resolve("Hold.java");
        Files.writeString(holder, """
                import java.nio.channels.FileChannel;
                import java.nio.file.*;
                public class Hold {
                    public static void main(String[] args) throws Exception {
                        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        channel.lock();
                        System.out.println("held");
                        System.out.flush();
                        Thread.sleep(1500);
                        System.out.println("exiting");
                    }
                }
                """);
        Process other = new ProcessBuilder(java.toString(), holder.toString(), work.resolve(WorkFolderLock.FILE).toString()).start();
        assertEquals("held", new String(other.getInputStream().readNBytes(4)));
        WorkFolderLock.acquire(work, new Cancellation(), notes::add).orElseThrow().close();
        assertEquals("\nexiting", new String(other.getInputStream().readAllBytes()).stripTrailing(), "taken only once the holder ended");
        assertEquals(1, notes.size(), notes.toString());
    }
}
