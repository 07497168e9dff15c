package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.Problem;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rules 5 and 6 over an inventory of two folders, read in order as Ansible reads {@code -i common
 * -i site} (stackhpc/ansible-slurm-appliance's layout): the site folder's values win, its groups
 * join the common ones.
 */
class InventoryFoldersTest extends SeededSiteTest {

    @BeforeEach
    void twoFolders() {
        site.edit("layers.yaml", "path: 'cluster-inventory'", "path: ['cluster-inventory', 'site-inventory']")
                .write("site-inventory/groups", "[Fabric:children]\nHSN\n")
                .write("site-inventory/group_vars/Compute.yml", "compute_hugepages: 4\n");
        base = site.commit("a site inventory over the common one");
    }

    @Test
    void aValueOfTheLaterFolderRebuildsTheNodesThatReadIt() {
        site.edit("site-inventory/group_vars/Compute.yml", "compute_hugepages: 4", "compute_hugepages: 8");
        ImpactResult result = after("site huge pages");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        Reason reason = reasons(result, "compute/compute").get(0);
        assertEquals("variable", reason.kind());
        assertEquals("site-inventory/group_vars/Compute.yml", reason.file());
        assertTrue(reason.detail().contains("compute_hugepages"), reason.detail());
    }

    @Test
    void aValueTheLaterFolderOverridesChangesNothing() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 512");
        assertNothing(after("common huge pages, overridden by the site"));
    }

    @Test
    void aValueOnlyTheEarlierFolderDefinesStillCounts() {
        site.edit("cluster-inventory/group_vars/Compute.yml", "compute_profile: hpc", "compute_profile: throughput");
        ImpactResult result = after("common profile");
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        assertEquals("cluster-inventory/group_vars/Compute.yml", reasons(result, "compute/compute").get(0).file());
    }

    @Test
    void aGroupTheLaterFolderNestsTheContainersInChangesWhatTheySee() {
        site.write("site-inventory/groups", "[Fabric:children]\nHSN\n\n[Tuned:children]\nCompute\n");
        ImpactResult result = after("compute nodes join Tuned");
        // Both compute nodes' containers join Compute, so both see Tuned now; Fabric, of the same file, stays.
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", true));
        Reason reason = reasons(result, "slurm/compute").get(0);
        assertEquals("groups", reason.kind());
        assertTrue(reason.detail().endsWith("from [Compute, Fabric, HSN, all] to [Compute, Fabric, HSN, Tuned, all]"), reason.detail());
    }

    @Test
    void aHostsFileInASubFolderCountsAsAnsibleReadsItEditedOrRemoved() {
        site.write("site-inventory/prod/hosts", "[Tuned:children]\nCompute\n");
        String nested = site.commit("a hosts file in a sub-folder");
        assertRebuild(site.impact(base, nested), Map.of("compute/compute", true, "slurm/compute", true));
        site.delete("site-inventory/prod/hosts");
        ImpactResult removed = site.impact(nested, site.commit("removed again"));
        assertRebuild(removed, Map.of("compute/compute", true, "slurm/compute", true));
        assertTrue(reasons(removed, "compute/compute").get(0).detail().contains("[Compute, Fabric, HSN, Tuned, all] to"),
                reasons(removed, "compute/compute").toString());
    }

    @Test
    void groupsOfEitherFolderAreKnownAndAMissingFolderIsNamed() {
        site.edit("layers.yaml", "groups: ['Compute'], pb: 'comp.yml'", "groups: ['Compute', 'Fabric'], pb: 'comp.yml'");
        SiteSnapshot snapshot = SiteSnapshot.load("layers.yaml", SiteTrees.single(DirectorySourceTree.of(dir)));
        assertEquals(List.of(), snapshot.unknownGroups());
        assertEquals(List.of("cluster-inventory", "site-inventory"), snapshot.inventoryDirs());

        site.edit("layers.yaml", "'site-inventory'", "'site-inventry'");
        SiteSnapshot typo = SiteSnapshot.load("layers.yaml", SiteTrees.single(DirectorySourceTree.of(dir)));
        List<Problem> problems = typo.checkFiles();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("inventory folder 'site-inventry' does not exist", problems.get(0).message());
        assertEquals("layers.yaml", problems.get(0).location().file());

        // As ansible.cfg's 'inventory = ./config/inventory' names a hosts file.
        site.edit("layers.yaml", "'site-inventry'", "'site-inventory/groups'");
        SiteSnapshot misnamed = SiteSnapshot.load("layers.yaml", SiteTrees.single(DirectorySourceTree.of(dir)));
        List<Problem> file = misnamed.checkFiles();
        assertEquals(1, file.size(), file.toString());
        assertEquals(List.of(), misnamed.unknownGroups(), "no second error for the groups the unread folder defines");
        assertTrue(file.get(0).message().startsWith("inventory path 'site-inventory/groups' is a file"), file.get(0).message());
        assertTrue(file.get(0).hint().startsWith("give the folder, path: 'site-inventory'"), file.get(0).hint());
    }
}
