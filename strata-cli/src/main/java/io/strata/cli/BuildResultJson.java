package io.strata.cli;

import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.contents.FileChanges;
import io.strata.engine.contents.PackageChanges;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The build report as JSON ({@code <work-dir>/result.json}), with full digests, for CI steps. */
final class BuildResultJson {

    private BuildResultJson() {
    }

    static Map<String, Object> toMap(BuildReport report) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("succeeded", report.succeeded());
        map.put("cancelled", report.cancelled());
        map.put("seconds", report.wall().toMillis() / 1000.0);
        Map<String, Object> critical = new LinkedHashMap<>();
        critical.put("seconds", report.criticalPath().duration().toMillis() / 1000.0);
        critical.put("nodes", report.criticalPath().nodes().stream().map(Object::toString).toList());
        map.put("criticalPath", critical);
        List<Object> nodes = new ArrayList<>();
        for (NodeOutcome outcome : report.outcomes()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("node", outcome.node().toString());
            entry.put("result", outcome.status().name().toLowerCase(java.util.Locale.ROOT));
            entry.put("seconds", outcome.duration().toMillis() / 1000.0);
            entry.put("image", outcome.image() == null ? null : outcome.image().reference());
            entry.put("imageId", outcome.image() == null ? null : outcome.image().imageId());
            entry.put("digest", outcome.image() == null ? null : outcome.image().digest());
            entry.put("message", outcome.message());
            entry.put("log", outcome.log() == null ? null : outcome.log().toString());
            entry.put("changes", outcome.changes() == null ? null : outcome.changes().summary());
            entry.put("packages", outcome.changes() == null || outcome.changes().packages() == null ? null
                    : packages(outcome.changes().packages()));
            entry.put("files", outcome.changes() == null ? null : files(outcome.changes().files()));
            entry.put("sbom", outcome.changes() == null || outcome.changes().sbom() == null ? null
                    : outcome.changes().sbom().toString());
            nodes.add(entry);
        }
        map.put("nodes", nodes);
        return map;
    }

    /** A built node's package changes against the image it replaces, each change with its versions. */
    private static Map<String, Object> packages(PackageChanges changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("summary", changes.summary());
        map.put("added", changes(changes.added()));
        map.put("removed", changes(changes.removed()));
        map.put("upgraded", changes(changes.upgraded()));
        map.put("downgraded", changes(changes.downgraded()));
        return map;
    }

    /** A built node's file changes: totals, then each path with what differs and its sizes. */
    private static Map<String, Object> files(FileChanges changes) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("bytesBefore", changes.bytesBefore());
        map.put("bytesAfter", changes.bytesAfter());
        map.put("added", fileChanges(changes.added()));
        map.put("removed", fileChanges(changes.removed()));
        map.put("changed", fileChanges(changes.changed()));
        return map;
    }

    private static List<Object> fileChanges(List<FileChanges.Change> changes) {
        List<Object> list = new ArrayList<>();
        for (FileChanges.Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("path", change.path());
            entry.put("what", change.what());
            entry.put("sizeBefore", change.sizeBefore() < 0 ? null : change.sizeBefore());
            entry.put("sizeAfter", change.sizeAfter() < 0 ? null : change.sizeAfter());
            list.add(entry);
        }
        return list;
    }

    private static List<Object> changes(List<PackageChanges.Change> changes) {
        List<Object> list = new ArrayList<>();
        for (PackageChanges.Change change : changes) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("name", change.name());
            entry.put("architecture", change.architecture());
            entry.put("before", change.before());
            entry.put("after", change.after());
            list.add(entry);
        }
        return list;
    }

    /** Writes the file whole, by a rename, so that a reader (or a run ending at the same time) never sees half of it. */
    static void write(Path file, String text) {
        try {
            Path part = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
            Files.writeString(part, text);
            Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
