package io.strata.engine.impact;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A node whose roles hold a changed file needs no deeper analysis to be rebuilt: by default it
 * lists those files only; an analysis for every reason also lists what its templates and
 * variables add. The rebuild and start sets are the same either way.
 */
class ReasonDepthTest extends SeededSiteTest {

    private static List<String> kinds(ImpactResult result, String node) {
        return result.rebuild().stream().filter(n -> n.node().toString().equals(node)).findFirst().orElseThrow()
                .reasons().stream().map(r -> r.kind() + " " + r.file()).toList();
    }

    @Test
    void roleFilesSufficeByDefaultAndEveryReasonAddsTheVariable() {
        site.write("roles/slurm/README.md", "# slurm role\nnot a build input\n")
                .write("roles/slurm/files/extra.conf", "x=1\n")
                .edit("cluster-inventory/group_vars/all.yml", "slurm_controller: ctl01", "slurm_controller: ctl02");
        String head = site.commit("a slurm file and the controller");

        ImpactResult quick = site.impact(base, head);
        ImpactResult every = ImpactAnalyzer.withEveryReason().analyze(ImpactRequest.of("layers.yaml", site.change(base, head)));

        Map<String, Boolean> expected = Map.of("slurm/compute", true, "slurm/uan", true);
        SiteHistory.assertRebuild(quick, expected);
        SiteHistory.assertRebuild(every, expected);
        assertEquals(List.of("role roles/slurm/files/extra.conf"), kinds(quick, "slurm/compute"));
        assertEquals(List.of("role roles/slurm/files/extra.conf", "variable cluster-inventory/group_vars/all.yml"),
                kinds(every, "slurm/compute"));
    }
}
