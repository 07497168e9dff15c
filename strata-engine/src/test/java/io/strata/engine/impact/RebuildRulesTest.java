package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Contract section 3, rules 1 to 6: each on a git history built by the test; rebuild and start sets exact. */
class RebuildRulesTest extends SeededSiteTest {

    // Rule 1: the definition in layers.yaml.

    @Test
    void changedEntryRebuildsTheNodeAndItsDescendants() {
        site.edit("layers.yaml", "groups: ['Compute'], pb: 'comp.yml'", "groups: ['Compute', 'GPU'], pb: 'comp.yml'");
        ImpactResult result = after("compute joins GPU");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        Reason reason = reasons(result, "compute/compute").get(0);
        assertEquals("definition", reason.kind());
        assertEquals("layers.yaml", reason.file());
        assertTrue(reason.detail().contains("'groups'"), reason.detail());
        assertEquals(List.of(Reason.parent("compute/compute")), reasons(result, "slurm/compute"));
    }

    @Test
    void newNodeIsDirectlyAffected() {
        site.edit("layers.yaml", "    - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}\n",
                "    - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml', children: ['tools']}\n\ntools:\n  image_types:\n    - {type: 'uan', groups: ['UAN'], pb: 'tools.yml'}\n");
        site.write("tools.yml", "- hosts: UAN\n  tasks: []\n");
        ImpactResult result = after("new tools layer");
        assertRebuild(result, Map.of("tools/uan", true));
    }

    @Test
    void editingOnlyChildrenDoesNotRebuildTheParent() {
        site.write("layers.yaml", SeedSite.LAYERS.replace("pb: 'uan.yml', children: ['slurm']}", "pb: 'uan.yml', children: ['slurm', 'desktop']}")
                + "\ndesktop:\n  image_types:\n    - {type: 'uan', groups: ['UAN'], pb: 'desktop.yml'}\n");
        site.write("desktop.yml", "- hosts: UAN\n  tasks: []\n");
        ImpactResult result = after("add a desktop child to uan");
        assertRebuild(result, Map.of("desktop/uan", true));
    }

    @Test
    void childMovedUnderAnotherParentIsDirectlyAffected() {
        site.write("layers.yaml", SeedSite.LAYERS
                .replace("pb: 'hsn.yml', children: ['compute', 'uan']}", "pb: 'hsn.yml', children: ['compute']}")
                .replace("pb: 'comp.yml', children: ['slurm']}", "pb: 'comp.yml', children: ['slurm', 'uan']}"));
        ImpactResult result = after("uan built on compute");
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        assertTrue(reasons(result, "uan/uan").get(0).detail().contains("now built FROM compute/compute instead of hsn/base"),
                reasons(result, "uan/uan").toString());
    }

    // Rule 2: a root's package list.

    @Test
    void packageListValueChangeRebuildsTheRootAndEverything() {
        site.edit("packages.yaml", "[python3, chrony]", "[python3, chrony, rdma-core]");
        ImpactResult result = after("add rdma-core");
        assertRebuild(result, Map.of("my-fav-os/base", true, "hsn/base", false, "compute/compute", false,
                "uan/uan", false, "slurm/compute", false, "slurm/uan", false));
        assertEquals("packages", reasons(result, "my-fav-os/base").get(0).kind());
        assertTrue(result.isFullBuild());
    }

    @Test
    void packageListReformattedChangesNothing() {
        site.write("packages.yaml", "# the base\nmanager: apt\nrelease: bookworm\npackages:\n  - python3\n  - chrony\n");
        assertNothing(after("reformat package list"));
    }

    // Rule 3: the playbook and what it pulls in.

    @Test
    void playbookEditRebuildsItsNodes() {
        site.edit("uan.yml", "- uan\n", "- uan\n  tasks:\n    - ansible.builtin.debug: {msg: hi}\n");
        assertRebuild(after("uan playbook"), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void sharedPlaybookRebuildsEveryTypeUsingIt() {
        site.edit("slurm.yml", "    - role: slurm\n", "    - role: slurm\n  vars:\n    slurm_debug: true\n");
        ImpactResult result = after("slurm playbook");
        assertRebuild(result, Map.of("slurm/compute", true, "slurm/uan", true));
        assertEquals("playbook", reasons(result, "slurm/uan").get(0).kind());
    }

    @Test
    void varsFileOfThePlaybookCounts() {
        site.write("vars/hsn.yml", "hsn_fabric: slingshot\n");
        site.write("hsn.yml", "- hosts: HSN\n  vars_files:\n    - vars/hsn.yml\n  roles:\n    - hsn\n");
        String withVars = site.commit("vars file");
        site.edit("vars/hsn.yml", "slingshot", "infiniband");
        ImpactResult result = site.impact(withVars, site.commit("fabric"));
        assertRebuild(result, Map.of("hsn/base", true, "compute/compute", false, "uan/uan", false,
                "slurm/compute", false, "slurm/uan", false));
    }

    @Test
    void newlyAddedIncludeIsCaughtAtHead() {
        site.write("extra/motd.yml", "- ansible.builtin.debug: {msg: motd}\n");
        site.edit("uan.yml", "- uan\n", "- uan\n  tasks:\n    - ansible.builtin.include_tasks: extra/motd.yml\n");
        assertRebuild(after("include extra"), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void deletedIncludeIsCaughtAtBase() {
        site.write("extra/motd.yml", "- ansible.builtin.debug: {msg: motd}\n");
        site.edit("uan.yml", "- uan\n", "- uan\n  tasks:\n    - ansible.builtin.import_tasks: extra/motd.yml\n");
        String withInclude = site.commit("include");
        site.delete("extra/motd.yml");
        site.write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n");
        ImpactResult result = site.impact(withInclude, site.commit("drop include"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void aSettingOfAnsibleCfgRebuildsEveryPlaybookNodeButNotTheRootAndACommentNothing() {
        site.write("ansible.cfg", "[defaults]\nforks = 5\n");
        String before = site.commit("ansible.cfg");
        site.edit("ansible.cfg", "forks = 5", "forks = 5\n# tuned for the build hosts");
        assertNothing(site.impact(before, site.commit("a comment")));
        String commented = site.commit("nothing");
        site.edit("ansible.cfg", "forks = 5", "forks = 5\ngathering = explicit");
        ImpactResult result = site.impact(commented, site.commit("explicit facts"));
        assertRebuild(result, Map.of("hsn/base", true, "compute/compute", true, "uan/uan", true, "slurm/compute", true,
                "slurm/uan", true));
        for (NodeImpact node : result.rebuild()) {
            assertTrue(node.reasons().stream().allMatch(reason -> reason.file().equals("ansible.cfg")
                    && !reason.detail().contains("null")), node.toString());
        }
    }

    // Rule 4: roles.

    @Test
    void roleTemplateEditRebuildsBothSlurmTypes() {
        site.edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "SlurmctldPort=6817\nSlurmctldHost");
        ImpactResult result = after("slurm template");
        assertRebuild(result, Map.of("slurm/compute", true, "slurm/uan", true));
        Reason reason = reasons(result, "slurm/compute").get(0);
        assertEquals("role", reason.kind());
        assertEquals("roles/slurm/templates/slurm.conf.j2", reason.file());
        assertTrue(reason.detail().contains("slurm"), reason.detail());
    }

    @Test
    void metaDependencyRoleEditReachesItsUsers() {
        site.edit("roles/munge/tasks/main.yml", "munge_threads", "munge_threads | int");
        assertRebuild(after("munge"), Map.of("slurm/compute", true, "slurm/uan", true));
    }

    @Test
    void roleDocsTestsAndMoleculeRebuildNothing() {
        site.edit("roles/slurm/README.md", "slurm role", "slurm role, see docs");
        site.write("roles/slurm/molecule/default/verify.yml", "- hosts: all\n  tasks: []\n");
        site.write("roles/slurm/tests/test.yml", "- hosts: localhost\n  roles: [slurm]\n");
        site.write("roles/slurm/docs/usage.md", "usage\n");
        assertNothing(after("docs"));
    }

    @Test
    void pureRenameInsideARoleBuildFolderRebuilds() {
        site.write("roles/uan/files/banner.txt", "hello\n");
        String withFile = site.commit("banner");
        site.move("roles/uan/files/banner.txt", "roles/uan/files/banner-uan.txt");
        ImpactResult result = site.impact(withFile, site.commit("rename banner"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void fileDeletedFromARoleBuildFolderRebuildsItsUsers() {
        // Nothing else changes: only the base closure holds the deleted file.
        site.write("roles/uan/files/banner.txt", "hello\n");
        String withFile = site.commit("banner");
        site.delete("roles/uan/files/banner.txt");
        ImpactResult result = site.impact(withFile, site.commit("drop banner"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        Reason reason = reasons(result, "uan/uan").get(0);
        assertEquals("roles/uan/files/banner.txt", reason.file());
    }

    /**
     * Commits a play for host c002 (it reaches the compute container while c002 is in Compute),
     * then moves c002 to UAN in the working tree; returns the commit.
     */
    private String playForHostC002() {
        site.write("comp.yml", "- hosts: Compute\n  roles:\n    - compute_node\n- hosts: c002\n  roles:\n    - c002_fixes\n");
        site.write("roles/c002_fixes/tasks/main.yml", "- ansible.builtin.debug: {msg: fixed}\n");
        String commit = site.commit("fixes for c002");
        site.edit("cluster-inventory/hosts.yml", "            c002:\n", "");
        site.edit("cluster-inventory/hosts.yml", "            uan01:\n", "            uan01:\n            c002:\n");
        return commit;
    }

    @Test
    void roleEditOfAPlayThatStopsReachingTheContainerRebuilds() {
        // The change moves c002 to UAN and edits the play's role: only the base closure holds
        // the role, though both revisions have the same files and compute sees the same groups.
        String withFixes = playForHostC002();
        site.edit("roles/c002_fixes/tasks/main.yml", "fixed", "fixed twice");
        ImpactResult result = site.impact(withFixes, site.commit("c002 to UAN, fixes edited"));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        assertEquals("roles/c002_fixes/tasks/main.yml", reasons(result, "compute/compute").get(0).file());
    }

    @Test
    void hostMovedAwayFromAPlaysPatternRebuildsTheNodeItNoLongerReaches() {
        // Nothing but the inventory changes: the play for c002 stops reaching the compute
        // container, so the image loses what its role did.
        String withFixes = playForHostC002();
        ImpactResult result = site.impact(withFixes, site.commit("c002 to UAN"));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        Reason reason = reasons(result, "compute/compute").get(0);
        assertEquals("groups", reason.kind());
        assertEquals("roles/c002_fixes/tasks/main.yml", reason.file());
        assertTrue(reason.detail().contains("at the base revision only"), reason.detail());
    }

    // Rule 5: inventory variables by value.

    @Test
    void computeOnlyVariableChangeRebuildsOnlyComputeNodes() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 512");
        ImpactResult result = after("huge pages");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        Reason reason = reasons(result, "compute/compute").get(0);
        assertEquals("variable", reason.kind());
        assertEquals("cluster-inventory/group_vars/Compute.yml", reason.file());
        assertTrue(reason.detail().contains("compute_hugepages"), reason.detail());
    }

    @Test
    void variableReachedThroughARoleDefaultCounts() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_profile: hpc", "compute_profile: throughput");
        ImpactResult result = after("profile");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
    }

    @Test
    void variableReachedThroughAnotherInventoryVariableCounts() {
        site.edit("cluster-inventory/group_vars/all.yml", "slurm_controller: ctl01", "slurm_controller: \"{{ ctl_host }}\"\nctl_host: ctl01");
        String indirect = site.commit("indirect controller");
        site.edit("cluster-inventory/group_vars/all.yml", "ctl_host: ctl01", "ctl_host: ctl02");
        ImpactResult result = site.impact(indirect, site.commit("new controller"));
        assertRebuild(result, Map.of("slurm/compute", true, "slurm/uan", true));
        assertTrue(reasons(result, "slurm/uan").get(0).detail().contains("through slurm_controller"),
                reasons(result, "slurm/uan").toString());
    }

    @Test
    void unreferencedVariableChangeRebuildsNothing() {
        site.edit("cluster-inventory/group_vars/all.yml", "admin@example.org", "hpc@example.org");
        assertNothing(after("contact"));
    }

    @Test
    void reformattedInventoryAndCommentsRebuildNothing() {
        site.write("cluster-inventory/group_vars/Compute.yml", "# compute nodes\ncompute_profile: 'hpc'   # tuned\ncompute_hugepages: 0\n");
        assertNothing(after("reformat"));
    }

    @Test
    void quotingANumberChangesItsValue() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: '0'");
        assertRebuild(after("quote"), Map.of("compute/compute", true, "slurm/compute", false));
    }

    @Test
    void variableOfAnotherGroupIsNotVisible() {
        site.edit("cluster-inventory/group_vars/UAN.yml", "uan_motd: Welcome", "uan_motd: Hello\ncompute_hugepages: 64");
        ImpactResult result = after("uan motd and a uan-only hugepages value");
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void addedAndRemovedVariablesCount() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_profile: hpc\n", "");
        site.write("cluster-inventory/group_vars/all.yml", read("cluster-inventory/group_vars/all.yml") + "hsn_mtu: 9000\n");
        ImpactResult result = after("remove profile, add mtu");
        assertRebuild(result, Map.of("compute/compute", true, "hsn/base", true, "uan/uan", false,
                "slurm/compute", false, "slurm/uan", false));
    }

    // Rule 6: group membership seen by the container.

    @Test
    void newAncestorGroupChangesWhatComputeSees() {
        site.write("cluster-inventory/hosts.yml", """
                all:
                  children:
                    HSN:
                      children:
                        Compute:
                          hosts:
                            c001:
                            c002:
                        UAN:
                          hosts:
                            uan01:
                    Batch:
                      children:
                        Compute:
                """);
        ImpactResult result = after("Compute joins Batch");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", true));
        assertEquals("groups", reasons(result, "slurm/compute").get(0).kind());
    }

    private String read(String path) {
        try {
            return java.nio.file.Files.readString(site.dir().resolve(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
