package io.strata.engine.builder.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class ProcessCommandRunnerTest {

    @TempDir
    Path dir;

    @Test
    void outputIsStreamedAndKeptStdinIsClosedAndTheEnvironmentAndFolderApply() {
        List<String> lines = Collections.synchronizedList(new ArrayList<>());
        Command command = new Command(List.of("sh", "-c", "echo out $STRATA_TEST; pwd; echo err >&2; cat; exit 3", "sh"),
                Map.of("STRATA_TEST", "value"), dir);
        CommandResult result = new ProcessCommandRunner(new Cancellation()).run(command, (stream, line) -> lines.add(stream + " " + line));
        assertEquals(3, result.exitCode());
        assertEquals("out value\n" + dir + "\n", result.stdout());
        assertEquals("err", result.lastErrorLine());
        assertTrue(lines.containsAll(List.of("OUT out value", "ERR err")), lines.toString());
    }

    @Test
    void anOrdinaryUsersLoginPathStillReachesTheSystemToolsTheBuildRuns() {
        // Debian's login PATH for ordinary users has no /usr/sbin, where chroot lives; mmdebstrap,
        // dpkg and the mounted runs start chroot and ldconfig from it, through a shell.
        ProcessCommandRunner runner = new ProcessCommandRunner(new Cancellation(), ToolPath.of("/usr/local/bin:/usr/bin:/bin"));
        CommandResult direct = runner.run(Command.of("chroot", "--version"), OutputSink.NONE);
        assertEquals(0, direct.exitCode(), direct.stderr());
        CommandResult nested = runner.run(Command.of("sh", "-c", "command -v chroot && command -v ldconfig"), OutputSink.NONE);
        assertEquals(0, nested.exitCode(), nested.stdout() + nested.stderr());
        assertTrue(nested.stdout().contains("sbin/chroot"), nested.stdout());
    }

    @Test
    void aMissingProgramIsAResultNotACrash() {
        CommandResult result = new ProcessCommandRunner(new Cancellation()).run(Command.of("strata-no-such-program"), OutputSink.NONE);
        assertTrue(result.exitCode() == 127 || result.exitCode() == -1, "exit " + result.exitCode());
        assertTrue(result.stderr().contains("strata-no-such-program"), result.stderr());
    }

    @Test
    void cancellingKillsTheWholeProcessGroupOrphansIncluded() throws Exception {
        Path pidFile = dir.resolve("pid");
        Cancellation cancellation = new Cancellation();
        ProcessCommandRunner runner = new ProcessCommandRunner(cancellation);
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread thread = new Thread(() -> {
            try {
                runner.run(Command.of("sh", "-c", "sleep 300 & echo $! > \"$1\"; wait", "sh", pidFile.toString()), OutputSink.NONE);
            } catch (Throwable e) {
                thrown.set(e);
            }
        });
        thread.start();
        long pid = waitForPid(pidFile);
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        cancellation.cancel("test");
        thread.join(20_000);
        assertFalse(thread.isAlive());
        assertTrue(thrown.get() instanceof CancelledException, String.valueOf(thrown.get()));
        for (int i = 0; i < 100 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false); i++) {
            Thread.sleep(50);
        }
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "the background sleep was killed with its group");
    }

    @Test
    void afterCancellationOnlyTheCleanupRunnerStillRuns() {
        Cancellation cancellation = new Cancellation();
        cancellation.cancel("test");
        ProcessCommandRunner runner = new ProcessCommandRunner(cancellation);
        assertThrows(CancelledException.class, () -> runner.run(Command.of("true"), OutputSink.NONE));
        assertEquals(0, runner.forCleanup().run(Command.of("true"), OutputSink.NONE).exitCode());
    }

    @Test
    void commandsDisplayQuotedForPeopleOnly() {
        assertEquals("buildah config --label 'a=b c' x", Command.of("buildah", "config", "--label", "a=b c", "x").display());
        assertEquals("sh -c 'echo '\\''hi'\\'''", Command.of("sh", "-c", "echo 'hi'").display());
    }

    private static long waitForPid(Path file) throws IOException, InterruptedException {
        for (int i = 0; i < 400; i++) {
            if (Files.exists(file)) {
                String text = Files.readString(file).strip();
                if (!text.isEmpty()) {
                    return Long.parseLong(text);
                }
            }
            Thread.sleep(25);
        }
        throw new AssertionError("the command did not start");
    }
}
