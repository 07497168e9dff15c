package io.strata.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.inventory.VariableChange.Kind;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryDiffTest {

    private static final String HOSTS = """
            [HSN:children]
            Compute
            UAN
            [Compute]
            nid[001:002]
            [UAN]
            uan01
            """;
    private static final String ALL_VARS = """
            # site-wide settings
            slurm_version: '23.11'
            ntp_servers: [ntp1, ntp2]
            munge:
              key_path: /etc/munge/munge.key
              user: munge
            port: 8080
            """;

    @TempDir
    Path base;
    @TempDir
    Path head;

    @BeforeEach
    void sameInventoryOnBothSides() throws IOException {
        for (Path side : List.of(base, head)) {
            write(side, "inv/hosts", HOSTS);
            write(side, "inv/group_vars/all.yml", ALL_VARS);
            write(side, "inv/group_vars/Compute.yml", "slurm_partition: batch\n");
        }
    }

    private static void write(Path side, String path, String text) throws IOException {
        Path file = side.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    /** "KIND name" for each change. */
    private static List<String> summary(List<VariableChange> changes) {
        return changes.stream().map(change -> change.kind() + " " + change.name()).toList();
    }

    private InventoryDiff diff() {
        return InventoryDiff.between(Inventory.load(DirectorySourceTree.of(base), "inv"),
                Inventory.load(DirectorySourceTree.of(head), "inv"));
    }

    @Test
    void aVarsFileUnchangedBetweenRevisionsIsParsedOnce() throws IOException {
        write(head, "inv/group_vars/Compute.yml", "slurm_partition: debug\n");
        ParsedVarsFiles parsed = new ParsedVarsFiles();
        Inventory before = Inventory.load(DirectorySourceTree.of(base), List.of("inv"), parsed);
        Inventory after = Inventory.load(DirectorySourceTree.of(head), List.of("inv"), parsed);
        Map<String, Inventory.Placed> was = before.effective(List.of("Compute"));
        Map<String, Inventory.Placed> is = after.effective(List.of("Compute"));
        assertSame(was.get("port").source(), is.get("port").source(), "group_vars/all.yml read once");
        assertNotSame(was.get("slurm_partition").source(), is.get("slurm_partition").source());
        assertEquals(List.of("MODIFIED slurm_partition"), summary(InventoryDiff.between(before, after).changedFor(List.of("Compute"))));
    }

    @Test
    void valueChangeIsModifiedWithWhereAndWhy() throws IOException {
        write(head, "inv/group_vars/all.yml", ALL_VARS.replace("'23.11'", "'24.05'"));
        List<VariableChange> changes = diff().changedFor(List.of("Compute"));
        assertEquals(List.of(new VariableChange("slurm_version", Kind.MODIFIED, "inv/group_vars/all.yml", 2,
                "slurm_version changed in inv/group_vars/all.yml (all)")), changes);
    }

    @Test
    void reformattingReorderingAndCommentsChangeNothing() throws IOException {
        write(head, "inv/group_vars/all.yml", """
                port: 8080   # the web port
                munge: {user: munge, key_path: "/etc/munge/munge.key"}
                ntp_servers:
                  - ntp1
                  - ntp2

                slurm_version: "23.11"
                """);
        InventoryDiff diff = diff();
        assertEquals(List.of(), diff.changedFor(List.of("Compute")));
        assertFalse(diff.visibleGroupsChanged(List.of("Compute")));
        assertFalse(diff.hostsChanged());
    }

    @Test
    void quotingANumberChangesItsValue() throws IOException {
        write(head, "inv/group_vars/all.yml", ALL_VARS.replace("port: 8080", "port: \"8080\""));
        assertEquals(List.of("MODIFIED port"), summary(diff().changedFor(List.of("UAN"))));
    }

    @Test
    void overriddenByADeeperUnchangedGroupIsNoChange() throws IOException {
        write(base, "inv/group_vars/Compute.yml", "slurm_partition: batch\nslurm_version: '22.05'\n");
        write(head, "inv/group_vars/Compute.yml", "slurm_partition: batch\nslurm_version: '22.05'\n");
        write(head, "inv/group_vars/all.yml", ALL_VARS.replace("'23.11'", "'24.05'"));
        InventoryDiff diff = diff();
        assertEquals(List.of(), diff.changedFor(List.of("Compute")));
        assertEquals(List.of("MODIFIED slurm_version"), summary(diff.changedFor(List.of("UAN"))));
    }

    @Test
    void addedAndRemovedVariables() throws IOException {
        write(head, "inv/group_vars/Compute.yml", "gpu_driver: '550'\n");
        List<VariableChange> changes = diff().changedFor(List.of("Compute"));
        assertEquals(List.of(
                new VariableChange("gpu_driver", Kind.ADDED, "inv/group_vars/Compute.yml", 1,
                        "gpu_driver added in inv/group_vars/Compute.yml (Compute)"),
                new VariableChange("slurm_partition", Kind.REMOVED, "inv/group_vars/Compute.yml", 1,
                        "slurm_partition removed from inv/group_vars/Compute.yml (Compute)")), changes);
        assertEquals(List.of(), diff().changedFor(List.of("UAN")));
    }

    @Test
    void changedVaultFileIsOpaqueForGroupsThatSeeIt() throws IOException {
        write(base, "inv/group_vars/Compute/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6161\n");
        write(head, "inv/group_vars/Compute/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6262\n");
        InventoryDiff diff = diff();
        assertEquals(List.of(new VariableChange(InventoryDiff.ANY_VARIABLE, Kind.OPAQUE, "inv/group_vars/Compute/vault.yml", 0,
                "inv/group_vars/Compute/vault.yml (Compute) is vault-encrypted and changed: it may define or change any variable")),
                diff.changedFor(List.of("Compute")));
        assertEquals(List.of(), diff.changedFor(List.of("UAN")));
    }

    @Test
    void changedInlineVaultValueIsOpaqueForThatVariable() throws IOException {
        write(base, "inv/group_vars/all/secret.yml", "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3131\n");
        write(head, "inv/group_vars/all/secret.yml", "db_password: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3232\n");
        assertEquals(List.of("OPAQUE db_password"), summary(diff().changedFor(List.of("UAN"))));
    }

    @Test
    void unparseableFileThatChangedIsOpaque() throws IOException {
        write(base, "inv/group_vars/Compute.yml", "slurm_partition: [batch\n");
        write(head, "inv/group_vars/Compute.yml", "slurm_partition: [batch, debug\n");
        InventoryDiff diff = diff();
        assertEquals(List.of("OPAQUE *"), summary(diff.changedFor(List.of("Compute"))));
        assertEquals(List.of(), diff.changedFor(List.of("UAN")));
    }

    @Test
    void addedHostsChangeMembershipButNoVisibleGroup() throws IOException {
        write(head, "inv/hosts", HOSTS.replace("nid[001:002]", "nid[001:004]"));
        InventoryDiff diff = diff();
        assertTrue(diff.hostsChanged());
        assertFalse(diff.visibleGroupsChanged(List.of("Compute")));
        assertEquals(List.of(), diff.changedFor(List.of("Compute")));
    }

    @Test
    void hostVarsChangeIsAHostChangeOnly() throws IOException {
        write(base, "inv/host_vars/nid001.yml", "bmc: 10.1.0.1\n");
        write(head, "inv/host_vars/nid001.yml", "bmc: 10.1.0.2\n");
        InventoryDiff diff = diff();
        assertTrue(diff.hostsChanged());
        assertEquals(List.of(), diff.changedFor(List.of("Compute")));
    }

    @Test
    void newParentGroupChangesVisibleGroupsAndBringsItsVariables() throws IOException {
        write(head, "inv/hosts", HOSTS + "[Slurm:children]\nCompute\n");
        write(head, "inv/group_vars/Slurm.yml", "slurmctld_host: ctl01\n");
        InventoryDiff diff = diff();
        assertTrue(diff.visibleGroupsChanged(List.of("Compute")));
        assertFalse(diff.visibleGroupsChanged(List.of("UAN")));
        assertEquals(List.of("ADDED slurmctld_host"), summary(diff.changedFor(List.of("Compute"))));
    }

    @Test
    void pathsOnlyCountEveryEffectiveVariableOfAChangedFile() throws IOException {
        write(head, "inv/group_vars/Compute.yml", "slurm_partition: batch\nslurm_version: '22.05'\n");
        write(head, "inv/group_vars/UAN/vault", "$ANSIBLE_VAULT;1.1;AES256\n6161\n");
        Inventory inventory = Inventory.load(DirectorySourceTree.of(head), "inv");
        InventoryDiff diff = InventoryDiff.ofPaths(inventory, Set.of("inv/group_vars/all.yml", "inv/group_vars/UAN/vault",
                "inv/group_vars/HSN/removed.yml", "docs/index.md"));
        assertEquals(List.of("MODIFIED munge", "MODIFIED ntp_servers", "MODIFIED port", "OPAQUE *", "UNKNOWN *"),
                summary(diff.changedFor(List.of("Compute"))), "all.yml may have lost a variable: UNKNOWN");
        assertEquals(List.of("MODIFIED munge", "MODIFIED ntp_servers", "MODIFIED port", "MODIFIED slurm_version",
                "OPAQUE *", "OPAQUE *", "UNKNOWN *"), summary(diff.changedFor(List.of("UAN"))));
        assertFalse(diff.hostsChanged());
        assertFalse(diff.visibleGroupsChanged(List.of("Compute")));

        InventoryDiff hostsEdit = InventoryDiff.ofPaths(inventory, Set.of("inv/hosts"));
        assertTrue(hostsEdit.hostsChanged());
        assertTrue(hostsEdit.visibleGroupsChanged(List.of("Compute")));
        assertEquals(List.of(), hostsEdit.changedFor(List.of("Compute")));
    }
}
