package io.strata.engine.builder.leftovers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.credentials.AuthFile;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.process.ProcessCommandRunner;
import io.strata.engine.builder.process.SecretMask;
import io.strata.engine.builder.process.ToolPath;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(60)
class LeftoversTest {

    @TempDir
    Path work;

    /** Runs kill for real; records buildah's removals and answers them. */
    private final List<List<String>> buildahCalls = Collections.synchronizedList(new ArrayList<>());
    private final CommandRunner runner = new CommandRunner() {
        private final ProcessCommandRunner real = new ProcessCommandRunner(null);

        @Override
        public CommandResult run(Command command, OutputSink sink) {
            if (command.program().equals("buildah")) {
                buildahCalls.add(command.argv());
                return new CommandResult(0, "", "");
            }
            return real.run(command, sink);
        }
    };
    private final Buildah buildah = new Buildah(BuildahOptions.defaults());

    /** A ledger as a run that was then killed left it: written by this JVM, claimed by a pid that is gone. */
    private Path killedRunLedger(String body) throws IOException, InterruptedException {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Path ledger = Files.createDirectories(work.resolve(RunLedger.DIR)).resolve(gone.pid() + RunLedger.SUFFIX);
        Files.writeString(ledger, "run " + gone.pid() + " 2026-01-01T00:00:00Z\n" + body);
        return ledger;
    }

    @Test
    void aKilledRunsToolsContainersAndCredentialsAreUndoneAndSaidSo() throws Exception {
        // The tool a killed run started: still running, the leader of its own process group.
        RunLedger live = RunLedger.open(work.resolve("other"));
        ProcessCommandRunner tools = new ProcessCommandRunner(null, ToolPath.ofProcess(), live);
        CompletableFuture<CommandResult> orphan = CompletableFuture.supplyAsync(
                () -> tools.run(Command.of("sh", "-c", "sleep 300 & wait"), OutputSink.NONE));
        String started = waitForLine(work.resolve("other").resolve(RunLedger.DIR), "+process");
        Path secrets = AuthFile.privateDir(Map.of(), work.resolve("scratch"));
        Path credentials;
        try (AuthFile auth = AuthFile.resolve(null, Map.of(AuthFile.USER_VARIABLE, "u", AuthFile.PASSWORD_VARIABLE, "pw"),
                List.of("r"), secrets, new SecretMask(), live)) {
            credentials = Files.copy(auth.path(), secrets.resolve("auth-copy.json"));
        }
        Path ledger = killedRunLedger(started + "\n+container strata-compute-compute-ab12\n+container strata-gone-1\n"
                + "-container strata-gone-1\n+file " + credentials + "\n");

        List<String> report = Leftovers.cleanUp(work, buildah, runner);

        assertEquals(1, report.size(), report.toString());
        assertTrue(report.get(0).contains("1 tool process group(s) stopped, 1 working container(s) removed (strata-compute-compute-ab12),"
                + " 1 credentials file(s) deleted"), report.get(0));
        assertEquals(List.of(List.of("buildah", "rm", "strata-compute-compute-ab12")),
                buildahCalls.stream().map(argv -> argv.subList(argv.size() - 3, argv.size())).toList());
        CommandResult ended = orphan.get(30, TimeUnit.SECONDS);
        assertTrue(ended.exitCode() != 0, "the orphaned tool was killed");
        assertFalse(Files.exists(credentials));
        assertFalse(Files.exists(ledger));
        live.close();
    }

    @Test
    void aRunThatIsStillAliveIsLeftAlone() throws Exception {
        RunLedger ours = RunLedger.open(work);
        ours.containerCreated("strata-busy-1");
        assertEquals(List.of(), Leftovers.cleanUp(work, buildah, runner));
        assertTrue(buildahCalls.isEmpty());
        ours.close();
        assertFalse(Files.exists(work.resolve(RunLedger.DIR).resolve(ProcessHandle.current().pid() + RunLedger.SUFFIX)));
    }

    private static String waitForLine(Path dir, String prefix) throws IOException, InterruptedException {
        for (int i = 0; i < 200; i++) {
            try (var files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    for (String line : Files.readAllLines(file)) {
                        if (line.startsWith(prefix)) {
                            return line;
                        }
                    }
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no " + prefix + " line in " + dir);
    }
}
