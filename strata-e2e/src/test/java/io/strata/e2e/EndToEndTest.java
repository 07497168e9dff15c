package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Real builds of the example site's compute branch (hsn/base, compute/compute, slurm/compute) on
 * its Debian root, published to a registry with htpasswd auth, then re-used, rebuilt from a
 * pulled parent, and broken in the ways builds break. The tests run in order: later ones start
 * from what earlier ones published.
 */
@ExtendWith(E2eEnvironment.Resolver.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndTest {

    private static final List<String> BRANCH = List.of("hsn/base", "compute/compute", "slurm/compute");

    private static E2eEnvironment env;
    private static Path site;

    @BeforeEach
    void setUp(E2eEnvironment environment) throws IOException {
        if (env == null) {
            env = environment;
            site = env.site("main");
        }
    }

    private static Map<String, String> creds() {
        return E2eEnvironment.credentials(E2eEnvironment.PASSWORD);
    }

    private static JsonNode result(Path buildSite) throws IOException {
        return new ObjectMapper().readTree(env.workDir(buildSite).resolve("result.json").toFile());
    }

    private static String status(JsonNode result, String node) {
        for (JsonNode entry : result.get("nodes")) {
            if (entry.get("node").asText().equals(node)) {
                return entry.get("result").asText();
            }
        }
        return "absent";
    }

    private static String image(String node) {
        return env.image(node);
    }

    private static Optional<String> digest(String node, String tag) throws IOException, InterruptedException {
        return env.digest(node, tag);
    }

    /** Starts a build of slurm/compute whose playbook first runs {@code sleep}; returns once the build runs it. */
    private static Process startAtALongStep(Path buildSite, String sleep, String tag) throws Exception {
        return env.startAtALongStep(buildSite, "slurm/compute", "slurm", sleep, "build", "--node", "slurm/compute", "--from",
                image("compute/compute") + ":r1", "--tag", tag);
    }

    private static void assertNothingLeftBehind() throws IOException, InterruptedException {
        env.assertNothingLeftBehind(site);
    }

    @Test
    @Order(1)
    void theComputeBranchIsBuiltWithGroupVarsPublishedLabelledAndExportedAsSquashfs() throws Exception {
        Path squashfs = site.resolveSibling("squashfs");
        Run run = env.strata(site, creds(), "build", "--start-at", "hsn/base", "--image-types", "compute", "--tag", "r1",
                "--squashfs", squashfs.toString(), "-j", "2", "--audit-inputs");
        assertEquals(0, run.exit(), run.all());
        for (String node : BRANCH) {
            assertAudited(site, node);
        }
        assertTrue(run.out().contains("3 nodes: 3 built"), run.out());
        assertTrue(run.out().matches("(?s).*NODE +RESULT +DURATION +IMAGE +DIGEST.*"), "the final table: " + run.out());
        for (String node : BRANCH) {
            assertEquals("built", status(result(site), node), run.out());
            Optional<String> r1 = digest(node, "r1");
            assertTrue(r1.isPresent(), node + ":r1 was not pushed");
            assertEquals(r1, digest(node, "latest"), "the mutable tag names the new image");
            assertTrue(env.registry().tags(E2eEnvironment.repository(node.split("/")[0], node.split("/")[1])).stream()
                    .anyMatch(tag -> tag.matches("in-[0-9a-f]{32}")), node + " has no input-digest tag");
            String slug = node.replace('/', '-');
            assertTrue(Files.size(squashfs.resolve(slug + "-r1.squashfs")) > 50_000_000L, slug + " squashfs");
        }
        assertEquals("hsqs", new String(Files.readAllBytes(squashfs.resolve("slurm-compute-r1.squashfs")), 0, 4,
                java.nio.charset.StandardCharsets.US_ASCII), "squashfs magic");

        assertEquals("# Managed by Ansible (role hsn)\nhsn0 mtu=9000\nhsn1 mtu=9000\n", env.readFile(image("hsn/base") + ":r1", "/etc/hsn.conf"),
                "group_vars/HSN.yml applied");
        assertEquals("profile=hpc-compute\n", env.readFile(image("compute/compute") + ":r1", "/etc/tuning.conf"),
                "group_vars/Compute.yml applied through the role default");
        String slurm = env.readFile(image("slurm/compute") + ":r1", "/etc/slurm/slurm.conf");
        assertTrue(slurm.contains("ClusterName=ca\nSlurmctldHost=ca-slurmctld\nNodeFeatures=gpu,nvme"), slurm);
        assertEquals("slurm configured\n", env.readFile(image("slurm/compute") + ":r1", "/etc/slurm/.configured"), "the handler ran");
        assertEquals("clusterA\n", env.readFile(image("slurm/compute") + ":r1", "/etc/cluster-name"), "the root's cmds ran");

        Run labels = env.run("skopeo", "inspect", "--tls-verify=false", "--creds", E2eEnvironment.USER + ":" + E2eEnvironment.PASSWORD,
                "docker://" + image("compute/compute") + ":r1");
        JsonNode inspected = new ObjectMapper().readTree(labels.out()).get("Labels");
        assertEquals("compute/compute", inspected.get("io.strata.node").asText());
        assertTrue(inspected.get("io.strata.input-digest").asText().matches("sha256:[0-9a-f]{64}"));
        Run parentRaw = env.run("skopeo", "inspect", "--raw", "--tls-verify=false", "--creds",
                E2eEnvironment.USER + ":" + E2eEnvironment.PASSWORD, "docker://" + image("hsn/base") + ":r1");
        String parentId = new ObjectMapper().readTree(parentRaw.out()).get("config").get("digest").asText();
        assertEquals(parentId, inspected.get("io.strata.parent.id").asText(), "the parent's image ID");
        assertNothingLeftBehind();
    }

    @Test
    @Order(2)
    void aReRunWithReuseBuildsNothing() throws Exception {
        Optional<String> before = digest("slurm/compute", "r1");
        Run run = env.strata(site, creds(), "build", "--start-at", "hsn/base", "--image-types", "compute", "--tag", "r1b", "--reuse");
        assertEquals(0, run.exit(), run.all());
        assertTrue(run.out().contains("3 nodes: 3 reused"), run.out());
        for (String node : BRANCH) {
            assertEquals("reused", status(result(site), node));
            assertEquals(digest(node, "r1"), digest(node, "r1b"), node + " got the run's tag on the same image");
        }
        assertEquals(before, digest("slurm/compute", "latest"));
        assertNothingLeftBehind();
    }

    @Test
    @Order(3)
    void aChildIsBuiltFromThePushedParentAfterTheParentIsRemovedLocally() throws Exception {
        String parent = image("compute/compute");
        for (String line : env.run("buildah", "images", "--format", "{{.Name}}:{{.Tag}}").out().lines().toList()) {
            if (line.startsWith(parent + ":")) {
                env.run("buildah", "rmi", line);
            }
        }
        assertNotEquals(0, env.run("buildah", "inspect", "--type", "image", parent + ":r1").exit(), "the parent is gone locally");
        Run run = env.strata(site, creds(), "build", "--node", "slurm/compute", "--from", parent + ":r1", "--tag", "r2");
        assertEquals(0, run.exit(), run.all());
        assertTrue(digest("slurm/compute", "r2").isPresent());
        assertEquals(0, env.run("buildah", "inspect", "--type", "image", parent + ":r1").exit(), "the parent was pulled");
        assertNothingLeftBehind();
    }

    @Test
    @Order(4)
    void aFailingTaskPublishesNothingAndLeavesTheMutableTagOnTheOldImage() throws Exception {
        Path broken = env.site("failing-task");
        E2eEnvironment.appendTasks(broken, "slurm", E2eEnvironment.FAILING_TASK);
        Optional<String> latest = digest("slurm/compute", "latest");
        List<String> images = env.images();
        Run run = env.strata(broken, creds(), "build", "--node", "slurm/compute", "--from", image("compute/compute") + ":r1", "--tag", "f1");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("slurm/compute    FAILED") || run.out().contains("FAILED"), run.out());
        assertTrue(run.out().contains("TASK [slurm : A check that fails]"), "the failed task is named: " + run.out());
        assertEquals(Optional.empty(), digest("slurm/compute", "f1"));
        assertEquals(latest, digest("slurm/compute", "latest"), "the mutable tag did not move");
        assertEquals(images, env.images(), "no new image kept");
        assertNothingLeftBehind();
    }

    @Test
    @Order(5)
    void anAbortInTheMiddleOfALayerStopsEverythingAndPublishesNothing() throws Exception {
        Path slow = env.site("abort");
        String sleep = "sleep 300." + ProcessHandle.current().pid();
        Optional<String> latest = digest("slurm/compute", "latest");
        List<String> images = env.images();
        Process strata = startAtALongStep(slow, sleep, "a1");
        Path log = env.workDir(slow).resolve("logs/slurm-compute.log");
        strata.destroy();
        Run run = env.finish(strata, 120);
        assertEquals(143, run.exit(), "SIGTERM exits 128 + 15, as docs/build.md says: " + run.all());
        assertTrue(Files.readString(log).contains("cleanup: removing working container"), Files.readString(log));
        assertEquals(Optional.empty(), digest("slurm/compute", "a1"));
        assertEquals(latest, digest("slurm/compute", "latest"));
        assertEquals(images, env.images());
        assertFalse(E2eEnvironment.running(sleep),
                "the task's process was killed");
        assertNothingLeftBehind();
    }

    @Test
    @Order(6)
    void aWrongPasswordIsAClearErrorThatDoesNotShowThePassword() throws Exception {
        String wrong = "Wrong-Pw-Nobody-Should-See-7";
        Run run = env.strata(site, E2eEnvironment.credentials(wrong), "build", "--node", "hsn/base", "--from",
                image("my-fav-os/base") + ":latest", "--tag", "w1");
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("refused the credentials"), run.out());
        assertTrue(run.out().contains("STRATA_REGISTRY_PASSWORD"), "says what to check: " + run.out());
        assertFalse(run.all().contains(wrong), "the password is printed");
        try (Stream<Path> logs = Files.list(env.workDir(site).resolve("logs"))) {
            for (Path file : logs.toList()) {
                assertFalse(Files.readString(file).contains(wrong), file + " shows the password");
            }
        }
        assertNothingLeftBehind();
    }

    @Test
    @Order(7)
    void aRegistryThatIsDownIsRetriedThenExplainedAndNothingIsKept() throws Exception {
        String local = "localhost/e2e/base:down";
        assertEquals(0, env.run("buildah", "tag", image("my-fav-os/base") + ":latest", local).exit());
        List<String> images = env.images();
        String dead = "127.0.0.1:" + Registry.freePort();
        Run run = env.strata(site, creds(), "build", "--node", "hsn/base", "--from", local, "--tag", "d1",
                "--registry", dead, "--insecure-registry", dead);
        assertEquals(1, run.exit(), run.all());
        assertTrue(run.out().contains("cannot reach the registry " + dead + " (2 attempts"), run.out());
        assertTrue(Files.readString(env.workDir(site).resolve("logs/hsn-base.log")).contains("unreachable (attempt 1 of 2), retrying"));
        assertEquals(images, env.images(), "the built image was not kept");
        assertNothingLeftBehind();
    }

    @Test
    @Order(8)
    void aRunAfterASigkilledOneStopsItsToolsAndRemovesItsContainersAndCredentialsAndSaysSo() throws Exception {
        Path killed = env.site("killed");
        String sleep = "sleep 301." + ProcessHandle.current().pid();
        Process strata = startAtALongStep(killed, sleep, "k1");
        strata.destroyForcibly();
        env.finish(strata, 60);
        Path secrets = env.runtimeDir().resolve("strata");
        assertTrue(E2eEnvironment.running(sleep),
                "the premise: SIGKILL leaves the task running");
        assertEquals(1, env.containers().size(), "the premise: SIGKILL leaves the working container");
        try (Stream<Path> files = Files.list(secrets)) {
            assertEquals(1, files.count(), "the premise: SIGKILL leaves the credentials file, in the private runtime folder");
        }

        Run rerun = env.strata(killed, creds(), "build", "--node", "hsn/base", "--from", image("my-fav-os/base") + ":latest", "--tag", "k2");
        assertEquals(0, rerun.exit(), rerun.all());
        assertTrue(rerun.out().contains("was killed; cleaned up after it: 1 tool process group(s) stopped, 1 working container(s) removed"),
                rerun.out());
        assertFalse(E2eEnvironment.running(sleep), "the task was stopped");
        try (Stream<Path> files = Files.list(secrets)) {
            assertEquals(0, files.count(), "no credentials file is left");
        }
        try (Stream<Path> files = Files.walk(env.workDir(killed))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().startsWith("auth-")), "no credentials file in the work folder");
        }
        assertNothingLeftBehind();
    }

    @Test
    @Order(9)
    void pruneKeepsTheNewestAndThePublishedImagesOfEachNodeInTheUsersOwnStore() throws Exception {
        List<String> before = env.images();
        List<String> published = env.run("buildah", "images", "--format", "{{.Name}}:{{.Tag}}").out().lines()
                .filter(name -> name.endsWith(":latest")).toList();
        Run dry = env.strataCommand(site, "prune", "--keep", "1", "--dry-run");
        assertEquals(0, dry.exit(), dry.all());
        assertEquals(before, env.images(), "a dry run removes nothing");
        assertTrue(dry.out().contains("would remove"), "the builds above left more than one image of a node: " + dry.out());
        Run prune = env.strataCommand(site, "prune", "--keep", "1");
        assertEquals(0, prune.exit(), prune.all());
        List<String> after = env.images();
        assertTrue(after.size() < before.size(), before + " -> " + after);
        assertTrue(!published.isEmpty(), "the builds above left published images in the store");
        for (String name : published) {
            assertEquals(0, env.run("buildah", "inspect", "--type", "image", name).exit(), "the published image " + name + " stays");
        }
    }

    @Test
    @Order(10)
    void everyPlaybookOfTheExampleAndOfARicherSiteReadsOnlyItsAnalysedInputs() throws Exception {
        // The failure path (a read the analysis does not name fails the node, nothing published) is LayerBuilderTest's.
        Run uan = env.strata(site, creds(), "build", "--start-at", "uan/uan", "--image-types", "uan", "--tag", "a1", "--audit-inputs");
        assertEquals(0, uan.exit(), uan.all());
        assertAudited(site, "uan/uan");
        assertAudited(site, "slurm/uan");

        Path rich = env.site("rich");
        overlay(Path.of(EndToEndTest.class.getResource("/rich-site").toURI()), rich);
        Run built = env.strata(rich, creds(), "build", "--node", "uan/uan", "--from", image("hsn/base") + ":latest", "--tag", "rich1",
                "--audit-inputs");
        assertEquals(0, built.exit(), built.all());
        String audit = assertAudited(rich, "uan/uan");
        for (String file : List.of("templates/banner.j2", "templates/layout.j2", "templates/macros.j2", "templates/names.j2",
                "templates/partials/footer.j2", "templates/contact.j2", "files/site-id.txt", "files/profile/site.sh",
                "files/profile/history.sh", "files/notes.txt", "files/limits.conf", "vars/uan-extra.yml",
                "roles/tools/templates/tools.conf.j2", "roles/tools/templates/tools-extra.j2", "roles/tools/defaults/main.yml")) {
            assertTrue(audit.contains("\nread " + file + "\n"), "the run read " + file + " and the analysis named it: " + audit);
        }
        String reference = image("uan/uan") + ":rich1";
        assertEquals("Welcome ca.example.org\nSupport: hpc@example.org\n", env.readFile(reference, "/etc/issue.strata"));
        assertEquals("tools=htop,tmux\nextra=none\n", env.readFile(reference, "/etc/strata-tools.conf"));
        assertEquals("clusterA-site-7\n", env.readFile(reference, "/etc/site-id"));

        Files.writeString(rich.resolve("uan.yml"), Files.readString(rich.resolve("uan.yml")) + """

                    - name: A command on the controller, which may read anything (here files/hidden.txt)
                      ansible.builtin.copy:
                        content: "{{ lookup('ansible.builtin.pipe', 'cat files/hidden.txt') }}\\n"
                        dest: /etc/strata-hidden
                        mode: "0644"
                """);
        Files.writeString(rich.resolve("files/hidden.txt"), "seen only by the shell\n");
        Run conservative = env.strata(rich, creds(), "build", "--node", "uan/uan", "--from", image("hsn/base") + ":latest", "--tag", "rich2",
                "--audit-inputs");
        assertEquals(0, conservative.exit(), conservative.all());
        String counted = assertAudited(rich, "uan/uan");
        assertTrue(counted.contains("\nread files/hidden.txt\n"), "every file of the repository counts for a node running a"
                + " command on the controller: " + counted);
        assertEquals("seen only by the shell\n", env.readFile(image("uan/uan") + ":rich2", "/etc/strata-hidden"));
        assertNothingLeftBehind();
    }

    /** The node's audit found nothing unexplained; returns its report. */
    private static String assertAudited(Path buildSite, String node) throws IOException {
        String report = Files.readString(env.workDir(buildSite).resolve("logs").resolve(node.replace('/', '-') + ".audit.txt"));
        assertTrue(report.lines().findFirst().orElse("").matches("Ansible read [1-9][0-9]* files of the site: .*; 0 unexplained"),
                node + ": " + report);
        return report;
    }

    /** Copies the files of {@code overlay} over a site, replacing those it has too. */
    private static void overlay(Path overlay, Path site) throws IOException {
        try (Stream<Path> files = Files.walk(overlay)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                Path target = site.resolve(overlay.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        }
    }
}
