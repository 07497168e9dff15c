package io.strata.cli.terminal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.runner.BuildReport;
import io.strata.engine.builder.runner.CriticalPath;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.builder.runner.NodeStatus;
import io.strata.engine.contents.DebianVersion;
import io.strata.engine.contents.FileChanges;
import io.strata.engine.contents.FileEntry;
import io.strata.engine.contents.IgnoredPaths;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.contents.InstalledPackage;
import io.strata.engine.contents.PackageChanges;
import io.strata.engine.graph.NodeId;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ResultTableTest {

    private static final NodeId HSN = NodeId.parse("hsn/base");
    private static final NodeId COMPUTE = NodeId.parse("compute/compute");
    private static final NodeId SLURM = NodeId.parse("slurm/compute");

    @Test
    void theTableListsEachNodeThenWhyTheFailedOneFailedTheCountsAndTheCriticalPath() {
        BuildReport report = new BuildReport(List.of(
                new NodeOutcome(HSN, NodeStatus.BUILT, Duration.ofMillis(12_300),
                        new PublishedImage("reg/ca/hsn-base:t1", "sha256:aa", "sha256:0123456789abcdef0123"), "", Path.of("/w/logs/hsn-base.log"),
                        new ImageChanges(PackageChanges.between(Map.of(), Map.of("probe:all",
                                new InstalledPackage("probe", "all", "1.0", 1)), DebianVersion.ORDER),
                                FileChanges.between(Map.of(), Map.of("usr/share/probe", new FileEntry("usr/share/probe", "d", "755",
                                        "0", "0", 4096, "", null)), IgnoredPaths.DEFAULTS), null)),
                new NodeOutcome(COMPUTE, NodeStatus.FAILED, Duration.ofMillis(4_000), null, "playbook comp.yml failed",
                        Path.of("/w/logs/compute-compute.log"), null),
                new NodeOutcome(SLURM, NodeStatus.SKIPPED, Duration.ZERO, null, "parent compute/compute did not build", null, null)),
                false, Duration.ofMillis(16_400), new CriticalPath(List.of(HSN, COMPUTE), Duration.ofMillis(16_300)));

        assertEquals("""
                NODE             RESULT   DURATION  IMAGE               DIGEST               CHANGES
                hsn/base         built       12.3s  reg/ca/hsn-base:t1  sha256:0123456789ab  +1 -0 ~0 pkgs, 1 file
                compute/compute  FAILED       4.0s  -                   -                    -
                slurm/compute    skipped         -  -                   -                    -
                compute/compute: playbook comp.yml failed (log: /w/logs/compute-compute.log)
                3 nodes: 1 built, 1 failed, 1 skipped
                wall time 16.4s, critical path 16.3s: hsn/base > compute/compute
                """, ResultTable.render(report));
    }
}
