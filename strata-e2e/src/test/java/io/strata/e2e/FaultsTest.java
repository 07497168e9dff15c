package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The faults docs/build.md lists beyond {@link EndToEndTest}'s: a failing task in one of two
 * parallel layers, Ctrl-C (SIGINT) in the middle of a layer, two builds at once, and a store whose
 * disk fills up during a commit. Each asserts what the user sees, that nothing is left behind and
 * that no published tag moved to a broken image. Each starts from the example's root only.
 */
@ExtendWith(E2eEnvironment.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsTest {

    /** The system property naming an empty folder on a small file system of its own (.ci/run mounts a tmpfs). */
    static final String SMALL_DISK = "strata.e2e.smallDisk";

    private static E2eEnvironment env;

    @BeforeEach
    void setUp(E2eEnvironment environment) {
        env = environment;
    }

    private static Map<String, String> creds() {
        return E2eEnvironment.credentials(E2eEnvironment.PASSWORD);
    }

    private static String base() {
        return env.image(E2eEnvironment.ROOT_NODE) + ":latest";
    }

    /** Each node's result in the site's result.json. */
    private static Map<String, String> results(Path site) throws IOException {
        Map<String, String> results = new LinkedHashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(env.workDir(site).resolve("result.json").toFile()).get("nodes")) {
            results.put(entry.get("node").asText(), entry.get("result").asText() + ": " + entry.get("message").asText());
        }
        return results;
    }

    private static void assertNoStackTrace(Run run) {
        assertFalse(run.all().contains("\tat ") || run.all().contains("Exception"), "a stack trace: " + run.all());
    }

    @Test
    @Order(1)
    void aFailingTaskInOneOfTwoParallelLayersLetsTheOtherBranchBuildAndSkipsOnlyTheFailedNodesDescendants() throws Exception {
        Path site = env.site("parallel-failure");
        E2eEnvironment.appendTasks(site, "compute_node", E2eEnvironment.FAILING_TASK);
        Optional<String> computeLatest = env.digest("compute/compute", "latest");
        Run run = env.strata(site, creds(), "build", "--start-at", "hsn/base", "-j", "2", "--tag", "p1");

        assertEquals(1, run.exit(), run.all());
        assertNoStackTrace(run);
        assertTrue(run.out().contains("TASK [compute_node : A check that fails]"), "the failed task is named: " + run.out());
        Map<String, String> results = results(site);
        assertEquals(Set.of("hsn/base", "compute/compute", "uan/uan", "slurm/compute", "slurm/uan"), results.keySet(),
                "the plan: " + results);
        assertTrue(results.get("hsn/base").startsWith("built"), results.toString());
        assertTrue(results.get("compute/compute").startsWith("failed: playbook comp.yml failed"), results.toString());
        assertEquals("skipped: parent compute/compute did not build", results.get("slurm/compute"));
        assertTrue(results.get("uan/uan").startsWith("built"), "the parallel branch finished: " + results);
        assertTrue(results.get("slurm/uan").startsWith("built"), "and its child built: " + results);
        for (String built : List.of("hsn/base", "uan/uan", "slurm/uan")) {
            assertTrue(env.digest(built, "p1").isPresent(), built + ":p1 published");
        }
        for (String notBuilt : List.of("compute/compute", "slurm/compute")) {
            assertEquals(Optional.empty(), env.digest(notBuilt, "p1"), notBuilt + " published nothing");
        }
        assertEquals(computeLatest, env.digest("compute/compute", "latest"), "the failed node's mutable tag did not move");
        assertEquals("uan\n", env.readFile(env.image("slurm/uan") + ":p1", "/etc/node-role"), "slurm/uan is built on uan/uan");
        env.assertNothingLeftBehind(site);
    }

    @Test
    @Order(2)
    void ctrlCInTheMiddleOfALayerStopsItCleansUpAndExits130() throws Exception {
        Path site = env.site("interrupted");
        String sleep = "sleep 302." + ProcessHandle.current().pid();
        Optional<String> latest = env.digest("hsn/base", "latest");
        List<String> images = env.images();
        Process strata = env.startAtALongStep(site, "hsn/base", "hsn", sleep, "build", "--node", "hsn/base", "--from", base(),
                "--tag", "i1");
        assertEquals(0, env.run("kill", "-INT", Long.toString(strata.pid())).exit());
        Run run = env.finish(strata, 120);

        assertEquals(130, run.exit(), "SIGINT exits 128 + 2, as docs/build.md says: " + run.all());
        assertNoStackTrace(run);
        String log = Files.readString(env.workDir(site).resolve("logs/hsn-base.log"));
        assertTrue(log.contains("cleanup: removing working container"), log);
        assertEquals(Optional.empty(), env.digest("hsn/base", "i1"));
        assertEquals(latest, env.digest("hsn/base", "latest"));
        assertEquals(images, env.images(), "no image kept");
        assertFalse(E2eEnvironment.running(sleep), "the task's process was killed");
        env.assertNothingLeftBehind(site);
    }

    @Test
    @Order(3)
    void twoBuildsInOneWorkFolderRunOneAfterTheOtherAndBuildsInAnotherFolderAtTheSameTimeEachPublishWholeImages() throws Exception {
        Path site = env.site("concurrent");
        Path other = env.site("concurrent-other");
        String[] build = {"build", "--node", "hsn/base", "--from", base(), "--tag"};
        Map<String, Process> started = new LinkedHashMap<>();
        started.put("c1", env.startStrata(site, creds(), append(build, "c1")));
        started.put("c2", env.startStrata(site, creds(), append(build, "c2")));
        started.put("c3", env.startStrata(other, creds(), append(build, "c3")));
        Map<String, Run> runs = new HashMap<>();
        for (Map.Entry<String, Process> entry : started.entrySet()) {
            runs.put(entry.getKey(), env.finish(entry.getValue(), TimeUnit.MINUTES.toSeconds(15)));
        }

        String waiting = "is using the work folder " + env.workDir(site) + "; this one waits for it to finish";
        int waited = 0;
        for (String tag : List.of("c1", "c2", "c3")) {
            Run run = runs.get(tag);
            assertEquals(0, run.exit(), tag + ": " + run.all());
            waited += run.out().contains(waiting) ? 1 : 0;
            assertTrue(env.digest("hsn/base", tag).isPresent(), "hsn/base:" + tag + " published");
            assertEquals("# Managed by Ansible (role hsn)\nhsn0 mtu=9000\nhsn1 mtu=9000\n",
                    env.readFile(env.image("hsn/base") + ":" + tag, "/etc/hsn.conf"), tag + " names a whole image");
        }
        assertEquals(1, waited, "exactly one of the two runs in one work folder waited for the other");
        assertFalse(runs.get("c3").out().contains("waits for it to finish"), "another work folder does not wait");
        Optional<String> latest = env.digest("hsn/base", "latest");
        assertTrue(List.of(env.digest("hsn/base", "c1"), env.digest("hsn/base", "c2"), env.digest("hsn/base", "c3")).contains(latest),
                "the mutable tag names one of the runs' images: " + latest);
        env.assertNothingLeftBehind(site);
        env.assertNothingLeftBehind(other);
    }

    @Test
    @Order(4)
    void aDiskThatFillsUpDuringTheCommitFailsTheNodeNamingTheCauseAndLeavesTheStoreAsItWas() throws Exception {
        String disk = System.getProperty(SMALL_DISK, "");
        Assumptions.assumeFalse(disk.startsWith("unavailable"), disk);
        Toolchain.require(!disk.isEmpty() && Files.isDirectory(Path.of(disk)), "the disk-full test needs -D" + SMALL_DISK
                + "=DIR, an empty folder on a small file system of its own (.ci/run mounts a tmpfs there)");
        Path conf = Path.of(disk).resolve("storage.conf");
        Files.writeString(conf, """
                [storage]
                driver = "overlay"
                graphroot = "%s/store"
                rootless_storage_path = "%s/store"
                runroot = "%s/run"
                """.formatted(disk, disk, disk));
        Map<String, String> smallStore = Map.of("CONTAINERS_STORAGE_CONF", conf.toString());
        Path site = env.site("disk-full");
        // The last task leaves 24 MiB of the disk free: the commit has to write the file once more.
        E2eEnvironment.appendTasks(site, "hsn", """
                - name: Fill the disk of the store
                  ansible.builtin.command: >-
                    python3 -c "import os; s = os.statvfs('/'); n = s.f_bavail * s.f_frsize // 1048576 - 24;
                    f = open('/filler', 'wb'); [f.write(b'x' * 1048576) for _ in range(n)]; f.close()"
                """);
        Optional<String> latest = env.digest("hsn/base", "latest");
        Map<String, String> buildEnv = new HashMap<>(creds());
        buildEnv.putAll(smallStore);
        Run run = env.strata(site, buildEnv, "build", "--node", "hsn/base", "--from", base(), "--tag", "full1");

        assertEquals(1, run.exit(), run.all());
        assertNoStackTrace(run);
        assertTrue(run.out().contains("buildah commit failed: the disk of the store is full: ")
                && run.out().contains("no space left on device") && run.out().contains("Fix: free space on that disk"),
                "the cause and what to do: " + run.out());
        assertEquals(Optional.empty(), env.digest("hsn/base", "full1"), "nothing published");
        assertEquals(latest, env.digest("hsn/base", "latest"), "the mutable tag did not move");
        assertEquals(List.of(), env.containers(smallStore), "no working container left in the full store");
        List<String> images = env.images(smallStore);
        assertEquals(1, images.size(), "only the pulled parent stays in the store: " + images);
        long free = Path.of(disk).getFileSystem().provider().getFileStore(Path.of(disk)).getUsableSpace();
        assertTrue(free > 256L * 1024 * 1024, "the removed container gave its space back: " + free + " bytes free");
        assertEquals(List.of(), env.mountsBelowRoot(), "mounts left behind");
        env.run(smallStore, "buildah", "rmi", "--all", "--force");
    }

    private static String[] append(String[] args, String last) {
        String[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
