package io.strata.engine.builder.runner;

import io.strata.engine.contents.ChangesJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A build's report as plain maps and lists (docs/json.md: {@code <work-dir>/result.json}), with
 * full digests, for CI steps: {@code strata build} writes it, the Jenkins step archives each
 * node's entry, and the HTML report reads it.
 */
public final class BuildReportJson {

    private BuildReportJson() {
    }

    /** The whole report: succeeded, cancelled, seconds, criticalPath and one entry per node. */
    public static Map<String, Object> toMap(BuildReport report) {
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
            nodes.add(node(outcome));
        }
        map.put("nodes", nodes);
        return map;
    }

    /** One node's entry: its result, image, log and, when it was built, its changes and SBOM. */
    public static Map<String, Object> node(NodeOutcome outcome) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("node", outcome.node().toString());
        entry.put("result", outcome.status().name().toLowerCase(Locale.ROOT));
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
        return entry;
    }
}
