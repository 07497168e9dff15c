package io.strata.engine.builder.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.process.CommandResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

class PlaybookCommandTest {

    @Test
    void theSiteInventoryComesFirstThenTheBuildInventoryLimitedToTheContainer() {
        PlaybookCommand play = new PlaybookCommand("slurm.yml", List.of(Path.of("/site/cluster-inventory")), Path.of("/w/strata-build.yml"),
                Connection.CHROOT, Path.of("/w/tmp"), "/usr/bin/python3");
        assertEquals(List.of("ansible-playbook", "-i", "/site/cluster-inventory", "-i", "/w/strata-build.yml", "--limit",
                "strata-build", "-c", "community.general.chroot", "slurm.yml"), play.argv());
        Map<String, String> env = play.env();
        assertEquals("True", env.get("ANSIBLE_PIPELINING"));
        assertEquals("/w/tmp", env.get("ANSIBLE_LOCAL_TEMP"));
        assertEquals("/usr/bin/python3", env.get("ANSIBLE_PYTHON_INTERPRETER"));
        assertEquals("False", env.get("ANSIBLE_RETRY_FILES_ENABLED"));
        PlaybookCommand noInventory = new PlaybookCommand("pb.yml", List.of(), Path.of("/w/i.yml"), Connection.BUILDAH, Path.of("/w/tmp"), "/usr/bin/python3");
        assertEquals(List.of("ansible-playbook", "-i", "/w/i.yml", "--limit", "strata-build", "-c", "containers.podman.buildah", "pb.yml"),
                noInventory.argv());
        PlaybookCommand twoFolders = new PlaybookCommand("pb.yml", List.of(Path.of("/s/common/inventory"), Path.of("/s/site/inventory")),
                Path.of("/w/i.yml"), Connection.CHROOT, Path.of("/w/tmp"), "/usr/bin/python3");
        assertEquals(List.of("ansible-playbook", "-i", "/s/common/inventory", "-i", "/s/site/inventory", "-i", "/w/i.yml", "--limit",
                "strata-build", "-c", "community.general.chroot", "pb.yml"), twoFolders.argv());
    }

    @Test
    @SuppressWarnings("unchecked")
    void theBuildInventoryPutsTheContainerInEachGroupAndNoGroupNameCanBreakIt() {
        String text = BuildInventory.yaml(List.of("Compute", "weird: {x: y}"), Connection.CHROOT, "/w/rootfs");
        Map<String, Object> parsed = new Yaml().load(text);
        Map<String, Object> children = (Map<String, Object>) ((Map<String, Object>) parsed.get("all")).get("children");
        assertEquals(List.of("Compute", "weird: {x: y}"), List.copyOf(children.keySet()));
        Map<String, Object> host = (Map<String, Object>) ((Map<String, Object>) ((Map<String, Object>) children.get("Compute"))
                .get("hosts")).get("strata-build");
        assertEquals(Map.of("ansible_host", "/w/rootfs", "ansible_connection", "community.general.chroot"), host);
        Map<String, Object> alone = new Yaml().load(BuildInventory.yaml(List.of(), Connection.BUILDAH, "strata-x-1"));
        assertEquals(Map.of("hosts", Map.of("strata-build", Map.of("ansible_host", "strata-x-1",
                "ansible_connection", "containers.podman.buildah"))), alone.get("all"));
    }

    @Test
    void onlyTheBuildahConnectionsTransientModuleFailureIsRetriedAndOnlyUpToItsAttempts() {
        RetryPolicy buildah = RetryPolicy.of(Connection.BUILDAH, 0);
        CommandResult moduleFailure = new CommandResult(2, "fatal: [strata-build]: FAILED! => {\"msg\": \"MODULE FAILURE\\nSee stdout/stderr\"}", "");
        CommandResult taskFailure = new CommandResult(2, "fatal: [strata-build]: FAILED! => {\"msg\": \"non-zero return code\"}", "");
        assertTrue(buildah.retry(moduleFailure, 1));
        assertTrue(buildah.retry(moduleFailure, 2));
        assertFalse(buildah.retry(moduleFailure, 3));
        assertFalse(buildah.retry(taskFailure, 1), "a real task failure fails the node at once");
        assertFalse(buildah.retry(new CommandResult(0, "MODULE FAILURE", ""), 1));
        assertFalse(RetryPolicy.of(Connection.CHROOT, 0).retry(moduleFailure, 1));
        assertTrue(RetryPolicy.of(Connection.CHROOT, 2).retry(moduleFailure, 1), "settings can give chroot attempts too");
        assertEquals(Connection.BUILDAH, Connection.parse("containers.podman.buildah"));
        assertThrows(IllegalArgumentException.class, () -> Connection.parse("ssh"));
    }
}
