package io.strata.engine.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.leftovers.Holdings;
import io.strata.engine.builder.process.CancelledException;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.publish.LocalPublisher;
import io.strata.engine.builder.publish.Publisher;
import io.strata.engine.builder.publish.RegistryPublisher;
import io.strata.engine.builder.publish.RetrySchedule;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.builder.runner.NodeResult;
import io.strata.engine.builder.runner.NodeStatus;
import io.strata.engine.contents.IgnoredPaths;
import io.strata.engine.graph.NodeId;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LayerBuilderTest {

    private static final String PARENT_ID = "1".repeat(64);
    private static final String IMAGE_ID = "abcdef".repeat(10) + "0123";
    private static final String REGISTRY = "127.0.0.1:5000";
    private static final ToolVersions TOOLS = new ToolVersions("0.1.0", "buildah 1.28.2", "ansible-playbook [core 2.14.18]");
    private static final NodeId COMPUTE = new NodeId("compute", "compute");

    @TempDir
    Path site;
    @TempDir
    Path work;

    private final ScriptedRunner runner = new ScriptedRunner();
    private final List<String> log = new ArrayList<>();

    @BeforeEach
    void seed() throws IOException {
        write("layers.yaml", """
                inventory: {path: inv, cluster_name_short: ca}
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [compute]}
                compute:
                  image_types:
                    - {type: compute, groups: [Compute], pb: comp.yml}
                """);
        write("packages.yaml", """
                manager: apt
                release: bookworm
                repos: [{alias: d, url: 'http://deb.debian.org/debian'}]
                packages: [python3]
                cmds: [[touch, /etc/strata-root]]
                """);
        write("inv/hosts.yml", "all:\n  children:\n    Compute:\n      hosts:\n        c1:\n");
        write("inv/group_vars/Compute.yml", "hugepages: 0\n");
        write("comp.yml", "- hosts: Compute\n  tasks:\n    - ansible.builtin.copy: {content: \"{{ hugepages }}\", dest: /etc/pages}\n");
        runner.when(List.of("buildah", "from"), ScriptedRunner.result(0, "container\n", ""))
                .when(List.of("inspect", "--type", "container"), ScriptedRunner.result(0, PARENT_ID, ""))
                .when(List.of("inspect", "--type", "image"), ScriptedRunner.result(0, PARENT_ID, ""))
                .when(List.of("buildah", "commit"), ScriptedRunner.result(0, IMAGE_ID + "\n", ""));
    }

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private BuildSettings settings(Connection connection, ImageTest test) {
        BuildSettings d = BuildSettings.defaults();
        return new BuildSettings("overlay", "chroot", connection, 0, d.pythonInterpreter(), Set.of(REGISTRY), 2, 1, null, test,
                true, IgnoredPaths.DEFAULTS);
    }

    private LayerBuilder builder(boolean remote, boolean reuse, BuildSettings settings) {
        return builder(remote, reuse, settings, false);
    }

    private LayerBuilder builder(boolean remote, boolean reuse, BuildSettings settings, boolean audit) {
        SiteSnapshot snapshot = SiteSnapshot.load("layers.yaml", SiteTrees.single(DirectorySourceTree.of(site)));
        Buildah buildah = new Buildah(new BuildahOptions("overlay", "chroot", Set.of(REGISTRY), Path.of("/run/auth.json")));
        Publisher registry = new RegistryPublisher(buildah, runner, new RetrySchedule(2, Duration.ZERO), work.resolve("tmp"), d -> { });
        Publisher publisher = remote ? registry : new LocalPublisher(buildah, runner);
        BuildOptions options = new BuildOptions(settings, "latest", reuse, work.resolve("tmp"), work.resolve("logs"),
                new SourceInfo("https://git.example.org/site.git", "0123456789abcdef"), audit);
        return new LayerBuilder(snapshot, options, buildah, publisher, registry, runner, TOOLS, Holdings.NONE);
    }

    /** The registry answers every lookup with the parent's manifest. */
    private void everyReferenceIsPublished() {
        runner.when(List.of("skopeo", "inspect", "--raw"), ScriptedRunner.result(0,
                "{\"config\":{\"digest\":\"sha256:" + PARENT_ID + "\"}}", ""));
        runner.when(List.of("skopeo", "--format"), ScriptedRunner.result(0, "sha256:feed\n", ""));
    }

    private NodeResult build(LayerBuilder builder, NodeJob job) {
        return builder.build(job, null, (stream, line) -> log.add(line));
    }

    private static NodeJob computeJob(String registry) {
        return new NodeJob(COMPUTE, new NodeId("os", "base"), registry + "/ca/compute-compute", "t1", registry + "/ca/os-base:latest");
    }

    /** "program subcommand" of each command run, e.g. "buildah from". */
    private List<String> steps() {
        return runner.argvs().stream().map(argv -> argv.get(0) + " " + (argv.get(1).equals("unshare") ? "unshare " + program(argv) : argv.get(1)))
                .toList();
    }

    private static String program(List<String> argv) {
        int script = argv.indexOf(Buildah.MOUNTED_RUN);
        return script >= 0 ? argv.get(script + 5) : argv.get(3);
    }

    private Command ansibleCommand() {
        return runner.commands().stream().filter(c -> c.argv().contains("ansible-playbook")).findFirst().orElseThrow();
    }

    @Test
    void aLayerIsBuiltFromItsLocalParentWithItsPlaybookThenLabelledCommittedAndTagged() throws IOException {
        runner.when(c -> c.argv().get(1).equals("inspect") && c.argv().get(c.argv().size() - 1).contains(":in-"),
                c -> ScriptedRunner.result(125, "", "image not known"), 1);
        NodeResult result = build(builder(false, false, settings(Connection.CHROOT, null)), computeJob("localhost"));

        assertEquals(NodeStatus.BUILT, result.status());
        // sh: the image's files and package database are listed for the node's changes (the script has none).
        assertEquals(List.of("buildah inspect", "buildah from", "buildah inspect", "buildah unshare ansible-playbook",
                "buildah unshare sh", "buildah config", "buildah commit", "buildah inspect", "buildah tag", "buildah tag"), steps(),
                "the input-digest tag is looked up before tagging");
        List<String> from = runner.argvs("buildah", "from").get(0);
        assertEquals(List.of("--pull=never", "localhost/ca/os-base:latest"), from.subList(from.size() - 2, from.size()));
        Command ansible = ansibleCommand();
        assertEquals(site.toAbsolutePath(), ansible.workDir(), "runs in the site's repository (its ansible.cfg applies)");
        assertEquals("True", ansible.env().get("ANSIBLE_PIPELINING"));
        List<String> argv = ansible.argv();
        int play = argv.indexOf("ansible-playbook");
        assertEquals(List.of("-i", site.resolve("inv").toString()), argv.subList(play + 1, play + 3));
        assertEquals("1", argv.get(play - 1), "/dev, /proc, /sys bound in for the chroot connection");
        assertEquals("comp.yml", argv.get(argv.size() - 1));
        List<String> label = runner.argvs("buildah", "config").get(0);
        assertTrue(label.contains("io.strata.node=compute/compute"), label.toString());
        assertTrue(label.contains("io.strata.parent.id=sha256:" + PARENT_ID), label.toString());
        assertTrue(label.contains("org.opencontainers.image.revision=0123456789abcdef"), label.toString());
        assertTrue(label.stream().anyMatch(l -> l.startsWith("io.strata.input-digest=sha256:")), label.toString());
        List<List<String>> tags = runner.argvs("buildah", "tag");
        String inTag = result.image().reference();
        assertTrue(inTag.matches("localhost/ca/compute-compute:in-[0-9a-f]{32}"), inTag);
        assertEquals(List.of("buildah", "tag", IMAGE_ID, inTag, "localhost/ca/compute-compute:t1"), tags.get(0));
        assertEquals(List.of("buildah", "tag", IMAGE_ID, "localhost/ca/compute-compute:latest"), tags.get(1), "the mutable tag moves last");
        assertEquals("sha256:" + IMAGE_ID, result.image().imageId());
        assertTrue(Files.readString(work.resolve("logs/compute-compute.inputs.txt")).contains("var hugepages 0"));
        try (Stream<Path> left = Files.list(work.resolve("tmp"))) {
            assertEquals(0, left.count(), "the scratch folder is removed");
        }
    }

    /** The traced playbook run "opens" these files of the site, as strace would log them. */
    private void ansibleReads(String... files) {
        runner.when(c -> c.argv().contains("strace"), c -> {
            String prefix = c.argv().get(c.argv().indexOf("-o") + 1);
            StringBuilder trace = new StringBuilder();
            for (String file : files) {
                Path path = site.resolve(file).toAbsolutePath();
                trace.append("openat(AT_FDCWD, \"").append(path).append("\", O_RDONLY|O_CLOEXEC) = 3<").append(path).append(">\n");
            }
            trace.append("openat(AT_FDCWD, \"/usr/lib/python3/dist-packages/ansible/__init__.py\", O_RDONLY) = 4\n");
            try {
                Files.writeString(Path.of(prefix + ".4242"), trace);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return ScriptedRunner.result(0, "", "");
        }, 1);
    }

    @Test
    void anAuditedRunThatReadsOnlyAnalysedInputsIsPublishedWithItsReport() throws IOException {
        ansibleReads("comp.yml", "inv/hosts.yml", "inv/group_vars/Compute.yml");
        NodeResult result = build(builder(false, false, settings(Connection.CHROOT, null), true), computeJob("localhost"));

        assertEquals(NodeStatus.BUILT, result.status());
        List<String> argv = ansibleCommand().argv();
        assertTrue(argv.indexOf("strace") < argv.indexOf("ansible-playbook") && argv.contains("--seccomp-bpf"), argv.toString());
        assertEquals("""
                Ansible read 3 files of the site: 1 of the 1 files the analysis names, 2 of the 2 inventory files Strata parses; 0 unexplained
                read comp.yml
                read inv/group_vars/Compute.yml
                read inv/hosts.yml
                """, Files.readString(work.resolve("logs/compute-compute.audit.txt")));
    }

    @Test
    void anAuditedRunThatReadsAFileTheAnalysisDidNotNameFailsBeforeAnythingIsPublished() throws IOException {
        write("notes/seen-by-a-command.txt", "x\n");
        ansibleReads("comp.yml", "notes/seen-by-a-command.txt");
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> build(builder(false, false, settings(Connection.CHROOT, null), true), computeJob("localhost")));

        assertEquals("audit: Ansible read files of the site that are not among the analysed inputs of compute/compute: "
                + "notes/seen-by-a-command.txt", failure.getMessage());
        assertTrue(runner.argvs("buildah", "commit").isEmpty() && runner.argvs("buildah", "tag").isEmpty(), "nothing committed or tagged");
        assertTrue(Files.readString(work.resolve("logs/compute-compute.audit.txt")).contains("UNEXPLAINED notes/seen-by-a-command.txt"));
    }

    @Test
    void toARegistryTheParentIsPulledAlwaysAndTheImmutableTagsArePushedBeforeTheMutableOne() {
        everyReferenceIsPublished();
        runner.when(c -> c.argv().get(0).equals("skopeo") && c.argv().get(c.argv().size() - 1).contains(":in-"),
                c -> ScriptedRunner.result(1, "", "manifest unknown"), 10);
        NodeResult result = build(builder(true, false, settings(Connection.CHROOT, null)), computeJob(REGISTRY));

        List<String> from = runner.argvs("buildah", "from").get(0);
        assertTrue(from.contains("--pull=always"), from.toString());
        assertTrue(from.contains("--tls-verify=false"), from.toString());
        List<String> pushed = runner.argvs("buildah", "push").stream().map(argv -> argv.get(argv.size() - 1)).toList();
        assertEquals(3, pushed.size());
        assertTrue(pushed.get(0).matches("docker://127.0.0.1:5000/ca/compute-compute:in-[0-9a-f]{32}"), pushed.toString());
        assertEquals(List.of("docker://127.0.0.1:5000/ca/compute-compute:t1", "docker://127.0.0.1:5000/ca/compute-compute:latest"),
                pushed.subList(1, 3));
        runner.argvs("buildah", "push").forEach(argv -> assertTrue(argv.containsAll(List.of("--authfile", "/run/auth.json"))));
        assertEquals("sha256:" + IMAGE_ID, result.image().imageId());
    }

    @Test
    void rebuildingInputsThatArePublishedLeavesTheInputDigestTagOnTheEarlierImage() {
        // Without --reuse the node is built again; its in-<digest> tag already names the earlier image.
        everyReferenceIsPublished();
        NodeResult result = build(builder(true, false, settings(Connection.CHROOT, null)), computeJob(REGISTRY));
        assertEquals(NodeStatus.BUILT, result.status());
        List<String> pushed = runner.argvs("buildah", "push").stream().map(argv -> argv.get(argv.size() - 1)).toList();
        assertEquals(List.of("docker://127.0.0.1:5000/ca/compute-compute:t1", "docker://127.0.0.1:5000/ca/compute-compute:latest"), pushed);
        assertTrue(log.stream().anyMatch(l -> l.contains("an input-digest tag never moves")), log.toString());
    }

    @Test
    void aFailedTaskFailsTheNodePublishesNothingAndRemovesTheContainer() {
        runner.when(c -> c.argv().contains("ansible-playbook"), c -> ScriptedRunner.result(2, """
                TASK [copy] *****
                fatal: [strata-build]: FAILED! => {"msg": "Destination directory /nope does not exist"}
                """, ""), 1);
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> build(builder(false, false, settings(Connection.CHROOT, null)), computeJob("localhost")));
        assertTrue(failure.getMessage().contains("playbook comp.yml failed (exit 2): TASK [copy] fatal: [strata-build]"), failure.getMessage());
        assertEquals(List.of("buildah inspect", "buildah from", "buildah inspect", "buildah unshare ansible-playbook", "buildah rm"), steps());
        assertTrue(runner.argvs("buildah", "tag").isEmpty());
        assertTrue(runner.argvs("buildah", "commit").isEmpty());
    }

    @Test
    void aCommitThatFindsTheDiskFullSaysSoPublishesNothingAndRemovesTheWorkingContainer() {
        runner.when(List.of("buildah", "commit"), ScriptedRunner.result(125, "", "Error: committing container \"container\" to \"\":"
                + " writing blob: adding layer with blob \"sha256:abc\": processing tar file(write /filler: no space left on device):"
                + " exit status 1\n"));
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> build(builder(false, false, settings(Connection.CHROOT, null)), computeJob("localhost")));

        assertTrue(failure.getMessage().startsWith("buildah commit failed: the disk of the store is full: "), failure.getMessage());
        assertTrue(failure.describe().contains("Fix: free space on that disk"), failure.describe());
        List<String> steps = steps();
        assertEquals(List.of("buildah commit", "buildah rm"), steps.subList(steps.indexOf("buildah commit"), steps.size()),
                "a failed commit leaves the container, which the cleanup removes");
        List<String> committed = runner.argvs("buildah", "commit").get(0);
        List<String> removed = runner.argvs("buildah", "rm").get(0);
        assertEquals(committed.get(committed.size() - 1), removed.get(removed.size() - 1), "the container that was to be committed");
        assertTrue(runner.argvs("buildah", "tag").isEmpty());
    }

    @Test
    void aFailedImageTestPublishesNothingAndRemovesTheCommittedImage() {
        runner.when(c -> c.argv().contains("/usr/bin/check-image"), c -> ScriptedRunner.result(1, "", "check failed"), 1);
        assertThrows(BuildFailure.class, () -> build(builder(true, false,
                settings(Connection.CHROOT, new ImageTest(List.of("/usr/bin/check-image"), null))), computeJob("localhost")));
        List<String> steps = steps();
        assertEquals(List.of("buildah commit", "buildah from", "buildah unshare chroot", "buildah rm", "buildah rmi"),
                steps.subList(steps.indexOf("buildah commit"), steps.size()));
        assertEquals(List.of("buildah", "rmi", IMAGE_ID), runner.argvs("buildah", "rmi").get(0));
        assertTrue(runner.argvs("buildah", "push").isEmpty());
        assertTrue(runner.argvs("buildah", "tag").isEmpty());
    }

    @Test
    void withReuseANodeWhoseInputDigestIsPublishedIsOnlyTaggedWithTheRunsTags() {
        everyReferenceIsPublished();
        NodeResult result = build(builder(true, true, settings(Connection.CHROOT, null)), computeJob(REGISTRY));
        assertEquals(NodeStatus.REUSED, result.status());
        assertTrue(runner.argvs("buildah", "from").isEmpty());
        List<String> copied = runner.argvs("skopeo", "copy").stream().map(argv -> argv.get(argv.size() - 1)).toList();
        assertEquals(List.of("docker://127.0.0.1:5000/ca/compute-compute:t1", "docker://127.0.0.1:5000/ca/compute-compute:latest"), copied);
        assertEquals("sha256:feed", result.image().digest());
    }

    @Test
    void theBuildahConnectionsTransientModuleFailureIsRetriedOnAFreshContainer() {
        runner.when(c -> c.argv().contains("ansible-playbook"), c -> ScriptedRunner.result(2,
                "fatal: [strata-build]: FAILED! => {\"msg\": \"MODULE FAILURE\\nSee stdout/stderr for the exact error\"}", ""), 1);
        NodeResult result = build(builder(false, false, settings(Connection.BUILDAH, null)), computeJob("localhost"));
        assertEquals(NodeStatus.BUILT, result.status());
        assertEquals(2, runner.argvs("buildah", "from").size());
        assertEquals(1, runner.argvs("buildah", "rm").size(), "the first container is dropped");
        List<String> ansible = ansibleCommand().argv();
        assertEquals(List.of("buildah", "unshare", "--", "ansible-playbook"), ansible.subList(0, 4), "no mount for the buildah connection");
        assertTrue(ansible.contains("containers.podman.buildah"));
        assertTrue(log.stream().anyMatch(l -> l.contains("retrying on a fresh container")), log.toString());
    }

    @Test
    void aRootIsMmdebstrappedIntoAScratchContainerThenItsCommandsRunInside() throws IOException {
        NodeJob root = new NodeJob(new NodeId("os", "base"), null, "localhost/ca/os-base", "t1", "scratch");
        build(builder(false, false, settings(Connection.CHROOT, null)), root);
        assertEquals(List.of("buildah", "from", "-q", "--name"), runner.argvs().get(0).subList(0, 4));
        assertEquals("scratch", runner.argvs().get(0).get(runner.argvs().get(0).size() - 1));
        List<String> steps = steps();
        assertEquals(List.of("buildah from", "buildah unshare mmdebstrap", "buildah unshare chroot", "buildah unshare sh",
                "buildah config", "buildah commit"), steps.subList(0, 6));
        List<String> chroot = runner.argvs().get(2);
        assertEquals(List.of("touch", "/etc/strata-root"), chroot.subList(chroot.size() - 2, chroot.size()));
    }

    @Test
    void aToolsRealCauseReachesTheFailureNotOnlyTheLog() {
        // mmdebstrap on a full disk: the cause is in the middle of its output, its last line says only that it failed.
        runner.when(c -> c.argv().contains("mmdebstrap"), c -> ScriptedRunner.result(1, "",
                "I: extracting archives...\ntar: ./usr/lib/x86_64-linux-gnu/libc.so.6: Cannot write: No space left on device\n"
                + "E: tar failed\nW: listening on child socket failed: \nE: mmdebstrap failed to run\n"), 1);
        NodeJob root = new NodeJob(new NodeId("os", "base"), null, "localhost/ca/os-base", "t1", "scratch");
        BuildFailure failure = assertThrows(BuildFailure.class, () -> build(builder(false, false, settings(Connection.CHROOT, null)), root));
        assertTrue(failure.getMessage().contains("No space left on device"), failure.getMessage());
        assertTrue(failure.getMessage().contains("E: mmdebstrap failed to run"), failure.getMessage());
    }

    @Test
    void aMissingParentIsExplained() {
        runner.when(List.of("skopeo", "inspect", "--raw"), ScriptedRunner.result(1, "",
                "time=\"...\" level=fatal msg=\"Error parsing image name: reading manifest latest in 127.0.0.1:5000/ca/os-base: manifest unknown\""));
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> build(builder(true, false, settings(Connection.CHROOT, null)), computeJob(REGISTRY)));
        assertTrue(failure.getMessage().contains("the parent image 127.0.0.1:5000/ca/os-base:latest of compute/compute does not exist"),
                failure.getMessage());
    }

    @Test
    void cancellingDuringThePlaybookStillRemovesTheContainer() {
        runner.when(c -> c.argv().contains("ansible-playbook"), c -> {
            throw new CancelledException("ansible-playbook");
        }, 1);
        assertThrows(CancelledException.class, () -> build(builder(false, false, settings(Connection.CHROOT, null)), computeJob("localhost")));
        assertEquals("buildah rm", steps().get(steps().size() - 1));
        assertTrue(runner.argvs("buildah", "tag").isEmpty());
    }

    @Test
    void withChangesOffNoImageIsListed() {
        BuildSettings on = settings(Connection.CHROOT, null);
        BuildSettings off = new BuildSettings(on.storageDriver(), on.isolation(), on.connection(), on.connectionAttempts(),
                on.pythonInterpreter(), on.insecureRegistries(), on.pushAttempts(), on.jobs(), on.squashfs(), on.test(), false,
                on.changesIgnored());
        NodeResult result = build(builder(false, false, off), computeJob("localhost"));
        assertEquals(NodeStatus.BUILT, result.status());
        assertFalse(steps().contains("buildah unshare sh"), steps().toString());
        assertEquals(null, result.changes());
    }

    @Test
    void commandsAreLoggedWithTheMountScriptShownByName() {
        build(builder(false, false, settings(Connection.CHROOT, null)), computeJob("localhost"));
        assertTrue(log.stream().anyMatch(l -> l.startsWith("$ buildah unshare -- sh -c '<mounted-run.sh>' sh ")), log.toString());
        assertFalse(log.stream().anyMatch(l -> l.contains("set -eu")), "the script text is not repeated in logs");
    }
}
