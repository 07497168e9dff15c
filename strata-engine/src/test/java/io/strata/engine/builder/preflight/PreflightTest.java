package io.strata.engine.builder.preflight;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.ScriptedRunner;
import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.buildah.BuildahOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreflightTest {

    @TempDir
    Path etc;
    @TempDir
    Path bin;
    @TempDir
    Path store;

    private final ScriptedRunner runner = new ScriptedRunner();

    @BeforeEach
    void machine() throws IOException {
        Files.writeString(etc.resolve("subuid"), "other:100000:65536\nbuilder:165536:65536\n");
        Files.writeString(etc.resolve("subgid"), "builder:165536:1000\n");
        Files.writeString(bin.resolve("newuidmap"), "");
        runner.when(List.of("buildah", "--version"), ScriptedRunner.result(0, "buildah version 1.28.2 (image-spec 1.1.0-rc2)\n", ""))
                .when(List.of("buildah", "info"), ScriptedRunner.result(0, "overlay " + store + "\n", ""))
                .when(List.of("ansible-playbook", "--version"), ScriptedRunner.result(0, "ansible-playbook [core 2.14.18]\n  config file = None\n", ""))
                .when(List.of("ansible-doc"), ScriptedRunner.result(0, "> COMMUNITY.GENERAL.CHROOT\n", ""));
    }

    private PreflightResult run(int uid, boolean allowRoot, Set<String> managers) {
        return new Preflight(runner, BuildahOptions.defaults(), etc, bin, uid, "builder")
                .run(new PreflightNeeds(allowRoot, "auto", Connection.CHROOT, managers, true, false, false));
    }

    private static Check check(PreflightResult result, String name) {
        return result.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void explainsEachMissingPieceWithAFix() {
        runner.when(List.of("mksquashfs"), ScriptedRunner.result(127, "", "setsid: failed to execute mksquashfs"));
        PreflightResult result = run(1001, false, Set.of("apt"));
        assertFalse(result.ok());
        assertTrue(check(result, "subuid").ok(), check(result, "subuid").format());
        Check subgid = check(result, "subgid");
        assertFalse(subgid.ok());
        assertTrue(subgid.format().contains("only 1000 ids for builder") && subgid.hint().contains("usermod --add-subgids"), subgid.format());
        Check newuidmap = check(result, "newuidmap");
        assertFalse(newuidmap.ok());
        assertTrue(newuidmap.hint().contains("chmod u+s"), newuidmap.format());
        assertEquals("apt-get install uidmap", check(result, "newgidmap").hint());
        assertEquals("apt-get install squashfs-tools", check(result, "mksquashfs").hint());
        assertTrue(check(result, "mmdebstrap").ok());
        assertEquals(null, result.storageDriver(), "the user's own store is used, not a forced driver");
        assertTrue(check(result, "storage").detail().startsWith("overlay store at " + store + " (your containers-storage configuration"),
                check(result, "storage").detail());
        assertEquals("buildah 1.28.2", result.tools().buildah());
        assertEquals("ansible-playbook [core 2.14.18]", result.tools().ansible());
    }

    @Test
    void chrootThatTheBuildRunsInsideEveryRootIsChecked() {
        assertTrue(check(run(1001, false, Set.of()), "chroot").ok());
        runner.when(List.of("chroot"), ScriptedRunner.result(127, "", "setsid: failed to execute chroot: No such file or directory"));
        Check chroot = check(run(1001, false, Set.of()), "chroot");
        assertFalse(chroot.ok());
        assertTrue(chroot.hint().contains("/usr/sbin"), chroot.format());
    }

    @Test
    void rootAllowedNeedsNoUserNamespaceAndARefusedNamespaceNamesTheUser() {
        Check root = check(run(0, true, Set.of()), "user namespace");
        assertTrue(root.ok() && root.detail().contains("not needed as root"), root.format());
        assertTrue(runner.commands().stream().noneMatch(c -> c.argv().contains("unshare")), "root probes no buildah unshare");
        runner.when(c -> c.argv().contains("unshare"), c -> ScriptedRunner.result(125, "", "Error: cannot find mappings"), 1);
        Check refused = check(run(1001, false, Set.of()), "user namespace");
        assertTrue(refused.detail().contains("for builder (uid 1001)") && refused.hint().contains("check builder's subuid"), refused.format());
    }

    @Test
    void rootIsRefusedUnlessAllowed() {
        assertFalse(check(run(0, false, Set.of()), "user").ok());
        assertTrue(check(run(0, true, Set.of()), "user").ok());
    }

    @Test
    void theUsersOwnStoreIsUsedEvenWhenItIsVfsAndSaysSo() {
        runner.when(c -> !c.env().containsKey("STORAGE_DRIVER") && c.argv().contains("info"),
                c -> ScriptedRunner.result(0, "vfs " + store + "\n", ""), 1);
        PreflightResult result = run(1001, false, Set.of());
        assertEquals(null, result.storageDriver());
        assertTrue(check(result, "storage").detail().contains("buildah images and buildah containers show the builds"),
                check(result, "storage").detail());
    }

    @Test
    void vfsIsTheFallbackWhenNeitherTheUsersStoreNorOverlayWorks() {
        runner.when(c -> !"vfs".equals(c.env().get("STORAGE_DRIVER")) && c.argv().contains("info"),
                c -> ScriptedRunner.result(125, "", "Error: kernel does not support overlay fs"), 2);
        PreflightResult result = run(1001, false, Set.of());
        assertEquals("vfs", result.storageDriver());
        assertTrue(check(result, "storage").detail().contains("forced vfs; see the images with STORAGE_DRIVER=vfs buildah images"),
                check(result, "storage").detail());
    }

    @Test
    void aMissingConnectionPluginNamesTheCollectionToInstall() {
        ScriptedRunner bare = new ScriptedRunner()
                .when(List.of("buildah", "--version"), ScriptedRunner.result(0, "buildah version 1.33.0\n", ""))
                .when(List.of("buildah", "info"), ScriptedRunner.result(0, "overlay " + store + "\n", ""))
                .when(List.of("ansible-doc"), ScriptedRunner.result(0, "", "[WARNING]: containers.podman.buildah was not found"));
        PreflightResult result = new Preflight(bare, BuildahOptions.defaults(), etc, bin, 1001, "builder")
                .run(new PreflightNeeds(false, "overlay", Connection.BUILDAH, Set.of(), false, false, false));
        assertEquals("ansible-galaxy collection install containers.podman", check(result, "connection").hint());
    }
}
