package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.ChangedFile;
import io.strata.engine.source.DirectorySourceTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's "points settled", each on its own git history. */
class PointsSettledTest extends SeededSiteTest {

    private static final String VAULT = """
            $ANSIBLE_VAULT;1.1;AES256
            62313365396662343061393464336163383764373764613633653634306231386433626436623361
            6134333665353966363534333632666535333761666131620a663537646436643839616531643561
            """;

    @Test
    void dynamicIncludeMatchesEveryFileItsPathCouldName() {
        site.write("site_tasks/uan.yml", "- ansible.builtin.debug: {msg: uan}\n");
        site.write("site_tasks/compute.yml", "- ansible.builtin.debug: {msg: compute}\n");
        site.write("other/unrelated.yml", "- ansible.builtin.debug: {msg: other}\n");
        site.write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n  tasks:\n    - ansible.builtin.include_tasks: \"site_tasks/{{ site_role }}.yml\"\n");
        String dynamic = site.commit("dynamic include");
        site.edit("site_tasks/compute.yml", "compute", "compute nodes");
        String named = site.commit("edit a file the pattern names");
        assertRebuild(site.impact(dynamic, named), Map.of("uan/uan", true, "slurm/uan", false));
        site.edit("other/unrelated.yml", "other", "other things");
        assertNothing(site.impact(named, site.commit("edit a file outside the pattern")));
    }

    @Test
    void newFileMatchingADynamicIncludeIsCaught() {
        site.write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n  tasks:\n    - ansible.builtin.include_tasks: \"site_tasks/{{ site_role }}.yml\"\n");
        site.write("site_tasks/uan.yml", "- ansible.builtin.debug: {msg: uan}\n");
        String dynamic = site.commit("dynamic include");
        site.write("site_tasks/new.yml", "- ansible.builtin.debug: {msg: new}\n");
        assertRebuild(site.impact(dynamic, site.commit("new site task file")), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void addingOrRemovingHostsRebuildsNothing() {
        site.edit("cluster-inventory/hosts.yml", "            c002:\n", "            c002:\n            c003:\n");
        site.edit("cluster-inventory/hosts.yml", "            uan01:\n", "            uan02:\n");
        assertNothing(after("hosts"));
    }

    @Test
    void hostsChangeRebuildsUsersOfARoleReadingGroups() {
        site.edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "Nodes={{ groups['Compute'] | join(',') }}\nSlurmctldHost");
        String readsGroups = site.commit("slurm lists compute hosts");
        site.edit("cluster-inventory/hosts.yml", "            c002:\n", "            c002:\n            c003:\n");
        ImpactResult result = site.impact(readsGroups, site.commit("add c003"));
        assertRebuild(result, Map.of("slurm/compute", true, "slurm/uan", true));
        assertEquals("groups", reasons(result, "slurm/uan").get(0).kind());
    }

    @Test
    void vaultEncryptedGroupFileAffectsEveryNodeSeeingItsGroup() {
        site.write("cluster-inventory/group_vars/UAN/vault.yml", VAULT);
        String withVault = site.commit("vault");
        site.write("cluster-inventory/group_vars/UAN/vault.yml", VAULT.replace("6231", "7231"));
        ImpactResult result = site.impact(withVault, site.commit("re-key"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", true));
        assertEquals("vault", reasons(result, "slurm/uan").get(0).kind());
    }

    @Test
    void inlineVaultValueWithNewCiphertextAffectsItsGroup() {
        site.write("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0\ncompute_profile: hpc\nbmc_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3061\n");
        String withVault = site.commit("inline vault");
        site.edit("cluster-inventory/group_vars/Compute.yml", "3061", "3062");
        ImpactResult result = site.impact(withVault, site.commit("new password"));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", true));
    }

    @Test
    void changeAndRevertInsideTheRangeRebuildNothing() {
        site.edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "# temporary\nSlurmctldHost");
        site.commit("change");
        site.edit("roles/slurm/templates/slurm.conf.j2", "# temporary\nSlurmctldHost", "SlurmctldHost");
        assertNothing(after("revert"));
    }

    @Test
    void startIsTrueForADirectlyAffectedNodeWhoseParentIsRebuilt() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 4");
        site.edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "# new\nSlurmctldHost");
        ImpactResult result = after("both");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", true, "slurm/uan", true));
        assertFalse(reasons(result, "slurm/compute").contains(Reason.parent("compute/compute")));
    }

    @Test
    void aPlayWhoseHostsDoNotMatchIsNotAnInput() {
        site.write("extra/uan-only.yml", "- ansible.builtin.debug: {msg: x}\n");
        site.write("slurm.yml", """
                - hosts: Compute:UAN
                  roles:
                    - role: slurm
                - hosts: UAN:!Compute
                  tasks:
                    - ansible.builtin.import_tasks: extra/uan-only.yml
                """);
        String twoPlays = site.commit("uan-only play");
        site.edit("extra/uan-only.yml", "x", "y");
        assertRebuild(site.impact(twoPlays, site.commit("edit uan-only")), Map.of("slurm/uan", true));
    }

    @Test
    void intersectionPatternAndVariablePattern() {
        site.write("extra/hsn-compute.yml", "- ansible.builtin.debug: {msg: x}\n");
        site.write("extra/templated.yml", "- ansible.builtin.debug: {msg: x}\n");
        site.write("slurm.yml", """
                - hosts: Compute:UAN
                  roles:
                    - role: slurm
                - hosts: HSN:&Compute
                  tasks:
                    - ansible.builtin.import_tasks: extra/hsn-compute.yml
                - hosts: "{{ target_hosts }}"
                  tasks:
                    - ansible.builtin.import_tasks: extra/templated.yml
                """);
        String plays = site.commit("plays");
        site.edit("extra/hsn-compute.yml", "x", "y");
        String first = site.commit("edit intersection play");
        assertRebuild(site.impact(plays, first), Map.of("slurm/compute", true));
        site.edit("extra/templated.yml", "x", "y");
        assertRebuild(site.impact(first, site.commit("edit templated play")), Map.of("slurm/compute", true, "slurm/uan", true));
    }

    @Test
    void pinnedVersionOfAnExternalRoleRebuildsItsUsers() {
        site.write("requirements.yml", "roles:\n  - name: example.ntp\n    version: 1.0.0\n");
        site.write("hsn.yml", "- hosts: HSN\n  roles:\n    - hsn\n    - example.ntp\n");
        String pinned = site.commit("external ntp role");
        site.edit("requirements.yml", "1.0.0", "1.1.0");
        ImpactResult result = site.impact(pinned, site.commit("bump ntp"));
        assertRebuild(result, Map.of("hsn/base", true, "compute/compute", false, "uan/uan", false,
                "slurm/compute", false, "slurm/uan", false));
        assertEquals("external", reasons(result, "hsn/base").get(0).kind());
    }

    @Test
    void unpinnedRoleKeptInTheRepositoryRebuildsItsUsers() {
        // The role's files stay; only the base walk sees it as pinned.
        site.write("requirements.yml", "roles:\n  - name: hsn\n    version: 1.0.0\n");
        String pinned = site.commit("pin the hsn role");
        site.write("requirements.yml", "roles: []\n");
        ImpactResult result = site.impact(pinned, site.commit("unpin hsn"));
        assertRebuild(result, Map.of("hsn/base", true, "compute/compute", false, "uan/uan", false,
                "slurm/compute", false, "slurm/uan", false));
        assertTrue(reasons(result, "hsn/base").get(0).detail().contains("from 1.0.0 to (none)"),
                reasons(result, "hsn/base").toString());
    }

    @Test
    void externalRoleWithoutSourcesIsAffectedByAnyVisibleValueChange() {
        site.write("requirements.yml", "roles:\n  - name: example.ntp\n    version: 1.0.0\n");
        site.write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n    - example.ntp\n");
        String external = site.commit("external role on uan");
        site.edit("cluster-inventory/group_vars/all.yml", "admin@example.org", "hpc@example.org");
        ImpactResult result = site.impact(external, site.commit("contact"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        Reason reason = reasons(result, "uan/uan").get(0);
        assertEquals("external", reason.kind());
        assertTrue(reason.detail().contains("example.ntp"), reason.detail());
    }

    @Test
    void pathListCountsEveryVariableAChangedInventoryFileDefinesOrDefined() {
        // Without revisions, values cannot be compared (compute_profile and compute_hugepages both count), and a
        // variable removed from the file cannot be seen: every node that sees group Compute is rebuilt, slurm/compute too.
        ChangeSet paths = new ChangeSet(null, null, null, List.of(ChangedFile.modified("cluster-inventory/group_vars/Compute.yml")),
                DirectorySourceTree.of(dir), DirectorySourceTree.of(dir), false);
        ImpactResult result = SiteHistory.analyze(ImpactRequest.of("layers.yaml", paths));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", true));
        assertTrue(reasons(result, "slurm/compute").get(0).detail().contains("a variable removed from it cannot be seen"),
                reasons(result, "slurm/compute").toString());
        assertRebuild(SiteHistory.analyze(ImpactRequest.of("layers.yaml", new ChangeSet(null, null, null,
                List.of(ChangedFile.modified("cluster-inventory/group_vars/UAN.yml")), DirectorySourceTree.of(dir),
                DirectorySourceTree.of(dir), false))), Map.of("uan/uan", true, "slurm/uan", true));
        assertTrue(result.notes().get(0).contains("value-level precision needs the base and head revisions"), result.notes().toString());
    }

    @Test
    void unparseableTaskFileIsHandledConservatively() {
        site.write("roles/uan/tasks/main.yml", "- name: broken\n  copy: {src: a\n");
        String broken = site.commit("broken yaml");
        site.write("notes/ops.txt", "anything\n");
        ImpactResult result = site.impact(broken, site.commit("unrelated file"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        assertEquals("unparseable", reasons(result, "uan/uan").get(0).kind());
    }
}
