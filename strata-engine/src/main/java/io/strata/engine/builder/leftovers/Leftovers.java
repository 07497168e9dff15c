package io.strata.engine.builder.leftovers;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Undoes what killed runs left in a work folder, as their {@link RunLedger}s say: their tools'
 * process groups still running are killed, their working containers removed (which unmounts
 * them), their credentials files and scratch folders deleted. A ledger whose run is still alive (another build on
 * the same work folder) is left alone.
 */
public final class Leftovers {

    private Leftovers() {
    }

    /**
     * Cleans up after every killed run of a work folder.
     *
     * @param workDir the work folder
     * @param buildah removes containers (with the store the runs used)
     * @param runner runs the removals and kills (to their end)
     * @return one line per killed run, saying what was undone (empty when there was none)
     */
    public static List<String> cleanUp(Path workDir, Buildah buildah, CommandRunner runner) {
        Path dir = workDir.resolve(RunLedger.DIR);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> ledgers;
        try (Stream<Path> files = Files.list(dir)) {
            ledgers = files.filter(file -> file.getFileName().toString().endsWith(RunLedger.SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        List<String> reports = new ArrayList<>();
        for (Path ledger : ledgers) {
            List<LedgerEntry> held = held(ledger);
            if (held == null) {
                continue;
            }
            reports.add(undo(ledger, held, buildah, runner));
        }
        return reports;
    }

    /** What a dead run still held, or null when its run is alive. */
    private static List<LedgerEntry> held(Path ledger) {
        List<String> lines;
        try {
            lines = Files.readAllLines(ledger, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run ledger " + ledger, e);
        }
        Map<String, LedgerEntry> held = new LinkedHashMap<>();
        for (String line : lines) {
            String[] words = line.split(" ", 4);
            if (words[0].equals("run") && words.length >= 3) {
                if (new LedgerEntry("process", words[1], words[2]).isLiveProcess()) {
                    return null;
                }
            } else if (words.length >= 2 && (words[0].startsWith("+") || words[0].startsWith("-"))) {
                String kind = words[0].substring(1);
                String key = kind + " " + words[1];
                if (words[0].startsWith("+")) {
                    held.put(key, new LedgerEntry(kind, words[1], words.length > 2 ? words[2] : "-"));
                } else {
                    held.remove(key);
                }
            }
        }
        return List.copyOf(held.values());
    }

    /** Deletes a file or a folder a killed run left; whether there was one. */
    private static boolean delete(LedgerEntry entry) {
        Path path = Path.of(entry.value());
        try {
            boolean existed = Files.exists(path);
            Folders.deleteTree(path);
            return existed;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + entry.value() + ", left by a killed run", e);
        }
    }

    private static String undo(Path ledger, List<LedgerEntry> held, Buildah buildah, CommandRunner runner) {
        int processes = 0;
        List<String> containers = new ArrayList<>();
        int files = 0;
        for (LedgerEntry entry : held) {
            if (entry.kind().equals("process") && entry.isLiveProcess()) {
                // The descendants are listed first and killed after the group: some left the group.
                List<ProcessHandle> descendants = ProcessHandle.of(Long.parseLong(entry.value()))
                        .map(process -> process.descendants().toList()).orElse(List.of());
                runner.run(Command.of("kill", "-KILL", "--", "-" + entry.value()), OutputSink.NONE);
                descendants.forEach(ProcessHandle::destroyForcibly);
                processes++;
            }
        }
        for (LedgerEntry entry : held) {
            switch (entry.kind()) {
                case "container" -> {
                    if (runner.run(buildah.rm(entry.value()), OutputSink.NONE).ok()) {
                        containers.add(entry.value());
                    }
                }
                case "file" -> files += delete(entry) ? 1 : 0;
                case "folder" -> delete(entry);
                default -> {
                    // processes were stopped above
                }
            }
        }
        try {
            Files.deleteIfExists(ledger);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the run ledger " + ledger, e);
        }
        String pid = ledger.getFileName().toString().replace(RunLedger.SUFFIX, "");
        return "an earlier build (pid " + pid + ") was killed; cleaned up after it: " + processes + " tool process group(s) stopped, "
                + containers.size() + " working container(s) removed" + (containers.isEmpty() ? "" : " (" + String.join(", ", containers) + ")")
                + ", " + files + " credentials file(s) deleted";
    }
}
