package io.strata.jenkins;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StepArgumentsTest {

    @Test
    void branchNamesFromTheEnvironmentCanOnlyBeReadAsNames() {
        for (String good : List.of("main", "release/2026.1", "feature/HSN-42_mtu")) {
            assertNull(StepArguments.checkBranch(good), good);
        }
        for (String bad : List.of("--upload-pack=evil", "-x", "a..b", "a b", "main:refs/heads/x", "a^", "a~1", "x.lock", "/main", "a//b", "@{1}x")) {
            assertNotNull(StepArguments.checkBranch(bad), bad);
        }
    }

    @Test
    void theLayersFileMustStayInsideTheWorkspace() {
        assertNull(StepArguments.checkConfig("site/layers.yaml"));
        assertNotNull(StepArguments.checkConfig("../other/layers.yaml"));
        assertNotNull(StepArguments.checkConfig("site/../../layers.yaml"));
        assertNotNull(StepArguments.checkConfig(" "));
    }

    @Test
    void nodesAndRepositoryFoldersAreCheckedLineByLine() {
        assertEquals(StepArguments.checkNode("slurm"), StepArguments.checkEach(List.of("slurm/compute", "slurm"), StepArguments::checkNode));
        assertNull(StepArguments.checkEach(StepArguments.lines("slurm/compute\n\n  uan/uan  \r\n"), StepArguments::checkNode));
        assertNotNull(StepArguments.checkRepoDir("slurm-config"));
        assertNotNull(StepArguments.checkRepoDir("=repos/slurm"));
        assertEquals(Map.of("slurm-config", "repos/slurm", "uan-config", "repos/uan=x"),
                StepArguments.repoDirs(List.of("slurm-config = repos/slurm", "uan-config=repos/uan=x")));
        assertNull(StepArguments.checkRepoDirNames(List.of("slurm-config=repos/slurm", "uan-config=repos/uan")));
        assertEquals("repoDirs gives slurm-config twice; give each repository one checkout",
                StepArguments.checkRepoDirNames(List.of("slurm-config=repos/a", "uan-config=repos/uan", " slurm-config =repos/b")));
    }
}
