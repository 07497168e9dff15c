package io.strata.cli;

import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.contents.ChangesJson;
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
                    : ChangesJson.packages(outcome.changes().packages()));
            entry.put("files", outcome.changes() == null ? null : ChangesJson.files(outcome.changes().files()));
            entry.put("sbom", outcome.changes() == null || outcome.changes().sbom() == null ? null
                    : outcome.changes().sbom().toString());
            nodes.add(entry);
        }
        map.put("nodes", nodes);
        return map;
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
