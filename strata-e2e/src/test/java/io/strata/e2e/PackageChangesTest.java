package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.contents.Sbom;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a rebuild changed in its images, read inside them: packages from their own dpkg
 * databases, files from their roots. A layer that installs a package reports it and its files
 * added in the node and in its rebuilt child, a newer version of it as upgraded with its changed
 * file, a template change as its file changed in the child, a rebuilt node with the same inputs
 * reports no change, and a reused node reports nothing. A package added to the root's package
 * list is the root's one new package, its files and what its scripts changed. {@code strata diff}
 * of two published images finds what the builds recorded.
 */
@ExtendWith(E2eEnvironment.Resolver.class)
class PackageChangesTest {

    private static final String OWN_INPUTS = """
            - name: Mark the images of the package test
              ansible.builtin.copy:
                content: "packages\\n"
                dest: /etc/strata-package-test
                mode: "0644"
            """;

    private static final String INSTALL_PROBE = """
            - name: Install the probe package
              ansible.builtin.copy:
                src: strata-probe.deb
                dest: /tmp/strata-probe.deb
                mode: "0644"

            - name: Unpack and configure it
              ansible.builtin.command: dpkg -i /tmp/strata-probe.deb
            """;

    @Test
    void aRebuildReportsThePackagesItAddedAndUpgradedAndNothingForAReusedNode(E2eEnvironment env) throws Exception {
        Path site = env.site("packages");
        // Inputs of its own from hsn/base down: the other tests' images of the same inputs (their
        // input-digest tags, which never move) stay theirs.
        E2eEnvironment.appendTasks(site, "hsn", OWN_INPUTS);
        Map<String, String> creds = E2eEnvironment.credentials(E2eEnvironment.PASSWORD);
        Run baseline = env.strata(site, creds, "build", "--start-at", "hsn/base", "--image-types", "compute", "--tag", "k0");
        assertEquals(0, baseline.exit(), baseline.all());

        debPackage(site.resolve("roles/compute_node/files"), "1.0-1");
        E2eEnvironment.appendTasks(site, "compute_node", INSTALL_PROBE);
        Run added = env.strata(site, creds, "build", "--start-at", "hsn/base", "--image-types", "compute", "--tag", "k1");
        assertEquals(0, added.exit(), added.all());
        Map<String, JsonNode> first = packages(env, site);
        String probeAdded = "{\"name\":\"strata-probe\",\"architecture\":\"all\",\"before\":null,\"after\":\"1.0-1\"}";
        assertEquals(changes("[]", "[]", "[]", "[]"), first.get("hsn/base").toString(), "rebuilt with the same packages");
        assertEquals(changes("[" + probeAdded + "]", "[]", "[]", "[]"), first.get("compute/compute").toString());
        assertEquals(changes("[" + probeAdded + "]", "[]", "[]", "[]"), first.get("slurm/compute").toString(),
                "the child, built FROM the new compute image, has the package its parent added");
        assertEquals(List.of(), files(env, site, "hsn/base"), "rebuilt with the same files");
        List<String> probeFiles = List.of("added usr/share/strata-probe", "added usr/share/strata-probe/version",
                "added var/lib/dpkg/info/strata-probe.list", "added var/lib/dpkg/info/strata-probe.md5sums",
                "changed var/lib/dpkg/status [content]");
        assertEquals(probeFiles, files(env, site, "compute/compute"), "what dpkg -i wrote; its log and the copied .deb in /tmp left out");
        assertEquals(probeFiles, files(env, site, "slurm/compute"));
        assertTrue(added.out().contains("+1 -0 ~0 pkgs, 5 files"), "the table shows the changes: " + added.out());
        JsonNode firstRecord = entry(env, site, "compute/compute");

        // The SBOM: saved beside the node's log, valid CycloneDX, its digest on the image's label.
        Path sbom = env.workDir(site).resolve("logs/compute-compute.cdx.json");
        String sbomText = Files.readString(sbom);
        assertEquals(List.of(), Sbom.problems(sbomText));
        List<String> purls = new ArrayList<>();
        new ObjectMapper().readTree(sbomText).get("components").forEach(c -> purls.add(c.get("purl").asText()));
        assertTrue(purls.contains("pkg:deb/debian/strata-probe@1.0-1?arch=all"), purls.toString());
        assertEquals(sbom.toString(), resultField(env, site, "compute/compute", "sbom"));
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(sbom))),
                env.registry().labels(E2eEnvironment.repository("compute", "compute"), "k1").path("io.strata.sbom.sha256").asText(),
                "the image's label names its SBOM");

        debPackage(site.resolve("roles/compute_node/files"), "1.1-1");
        Path template = site.resolve("roles/slurm/templates/slurm.conf.j2");
        Files.writeString(template, Files.readString(template) + "# changed by PackageChangesTest\n");
        Run upgraded = env.strata(site, creds, "build", "--start-at", "compute/compute", "--tag", "k2");
        assertEquals(0, upgraded.exit(), upgraded.all());
        String probeUpgraded = "{\"name\":\"strata-probe\",\"architecture\":\"all\",\"before\":\"1.0-1\",\"after\":\"1.1-1\"}";
        Map<String, JsonNode> second = packages(env, site);
        assertEquals(changes("[]", "[]", "[" + probeUpgraded + "]", "[]"), second.get("compute/compute").toString());
        assertEquals(changes("[]", "[]", "[" + probeUpgraded + "]", "[]"), second.get("slurm/compute").toString());
        assertEquals(List.of("changed usr/share/strata-probe/version [content]",
                "changed var/lib/dpkg/info/strata-probe.md5sums [content]", "changed var/lib/dpkg/status [content]"),
                files(env, site, "compute/compute"));
        assertEquals(List.of("changed etc/slurm/slurm.conf [content]", "changed usr/share/strata-probe/version [content]",
                "changed var/lib/dpkg/info/strata-probe.md5sums [content]", "changed var/lib/dpkg/status [content]"),
                files(env, site, "slurm/compute"), "the child has its parent's changes and its own template's");
        String report = Files.readString(env.workDir(site).resolve("report.html"));
        assertTrue(report.contains("<td>strata-probe</td><td class=\"upgraded\">upgraded</td><td>all</td><td>1.0-1</td><td>1.1-1</td>"),
                "the build's report.html shows the upgrade: " + upgraded.out());
        assertTrue(report.contains("<code>usr/share/strata-probe/version</code></td><td class=\"changed\">changed</td><td>content</td>"),
                report);

        diffReadsWhatTheBuildsRecorded(env, site, creds, firstRecord, entry(env, site, "compute/compute"));

        Run reused = env.strata(site, creds, "build", "--start-at", "compute/compute", "--reuse", "--tag", "k3");
        assertEquals(0, reused.exit(), reused.all());
        Map<String, JsonNode> third = packages(env, site);
        assertEquals("null", third.get("compute/compute").toString(), "a reused node changed nothing: " + reused.out());
        assertEquals(List.of(), files(env, site, "compute/compute"));
        env.assertNothingLeftBehind(site);
    }

    @Test
    void aPackageListChangeIsTheRootsNewPackageItsFilesAndWhatItsScriptsChanged(E2eEnvironment env) throws Exception {
        Path site = env.site("root-packages");
        Map<String, String> creds = E2eEnvironment.credentials(E2eEnvironment.PASSWORD);
        // The root this build replaces is the environment's, under a published tag of this test's own, which nothing else reads.
        String root = env.registry().host() + "/" + E2eEnvironment.repository("my-fav-os", "base");
        String login = E2eEnvironment.USER + ":" + E2eEnvironment.PASSWORD;
        Run copied = env.run("skopeo", "copy", "--src-tls-verify=false", "--dest-tls-verify=false", "--src-creds", login,
                "--dest-creds", login, "docker://" + root + ":base", "docker://" + root + ":pkg-root");
        assertEquals(0, copied.exit(), copied.all());
        Path list = site.resolve("packages.yaml");
        Files.writeString(list, Files.readString(list).replace("packages: [python3, ca-certificates]",
                "packages: [python3, ca-certificates, less]"));
        Run built = env.strata(site, creds, "build", "--node", "my-fav-os/base", "--tag", "pk1", "--published-tag", "pkg-root");
        assertEquals(0, built.exit(), built.all());

        JsonNode packages = entry(env, site, "my-fav-os/base").get("packages");
        assertEquals(1, packages.get("added").size(), packages.toString());
        JsonNode less = packages.get("added").get(0);
        assertEquals("less amd64 null", less.get("name").asText() + " " + less.get("architecture").asText() + " " + less.get("before"));
        assertEquals("[][][]", packages.get("removed").toString() + packages.get("upgraded") + packages.get("downgraded"));
        List<String> listed = env.readFile(root + ":pk1", "/var/lib/dpkg/info/less.list").lines()
                .map(path -> path.replaceFirst("^/", "")).toList();
        List<String> files = files(env, site, "my-fav-os/base");
        for (String change : files) {
            String path = change.split(" ")[1];
            assertTrue(change.startsWith("changed ") || listed.contains(path) || path.startsWith("var/lib/dpkg/info/less."),
                    change + " is neither the package's nor dpkg's record of it: " + files);
        }
        assertTrue(files.containsAll(List.of("added usr/bin/less", "added usr/share/man/man1/less.1.gz",
                "added var/lib/dpkg/info/less.list", "added var/lib/dpkg/info/less.md5sums")), files.toString());
        assertEquals(List.of("changed etc/alternatives/pager [target]", "changed etc/alternatives/pager.1.gz [target]",
                "changed var/lib/dpkg/alternatives/pager [content]", "changed var/lib/dpkg/status [content]"),
                files.stream().filter(change -> !change.startsWith("added ")).toList(),
                "dpkg's status, and the pager alternative less's postinst registers; nothing removed");
        env.assertNothingLeftBehind(site);
    }

    private static String changes(String added, String removed, String upgraded, String downgraded) {
        int count = (added.equals("[]") ? 0 : 1);
        int gone = removed.equals("[]") ? 0 : 1;
        int changed = (upgraded.equals("[]") ? 0 : 1) + (downgraded.equals("[]") ? 0 : 1);
        return "{\"summary\":\"+" + count + " -" + gone + " ~" + changed + " pkgs\",\"added\":" + added + ",\"removed\":" + removed
                + ",\"upgraded\":" + upgraded + ",\"downgraded\":" + downgraded + "}";
    }

    /**
     * {@code strata diff} of two images the builds published finds what the builds recorded: from
     * the store (k1 to k2), and from the registry (k0, whose name the store loses first) with the
     * store left as it was; an unknown image is a one-line error.
     */
    private static void diffReadsWhatTheBuildsRecorded(E2eEnvironment env, Path site, Map<String, String> creds, JsonNode first,
            JsonNode second)
            throws IOException, InterruptedException {
        String repo = env.image("compute/compute");
        Run local = env.strataCommand(site, creds, "diff", "--format", "json", "--exit-code", repo + ":k1", repo + ":k2");
        assertEquals(1, local.exit(), "the images differ: " + local.all());
        JsonNode diff = new ObjectMapper().readTree(local.out());
        assertEquals(second.get("packages"), diff.get("packages"), local.out());
        assertEquals(second.get("files"), diff.get("files"), local.out());

        Run untag = env.run("buildah", "rmi", repo + ":k0");
        assertEquals(0, untag.exit(), untag.all());
        List<String> names = env.run("buildah", "images", "--format", "{{.Name}}:{{.Tag}} {{.ID}}").out().lines().sorted().toList();
        Run pulled = env.strataCommand(site, creds, "diff", "--format", "json", repo + ":k0", repo + ":k1");
        assertEquals(0, pulled.exit(), pulled.all());
        diff = new ObjectMapper().readTree(pulled.out());
        assertEquals(first.get("packages"), diff.get("packages"), pulled.out());
        assertEquals(first.get("files"), diff.get("files"), pulled.out());
        assertEquals(names, env.run("buildah", "images", "--format", "{{.Name}}:{{.Tag}} {{.ID}}").out().lines().sorted().toList(),
                "the pulled image is removed again");
        assertEquals(List.of(), env.containers());

        Run unknown = env.strataCommand(site, creds, "diff", "localhost/ca/none:x", repo + ":k1");
        assertEquals(2, unknown.exit(), unknown.all());
        assertTrue(unknown.err().startsWith("error: localhost/ca/none:x: not in the local store and cannot be pulled: "), unknown.err());
    }

    /** A node's entry in the site's result.json. */
    private static JsonNode entry(E2eEnvironment env, Path site, String node) throws IOException {
        for (JsonNode entry : new ObjectMapper().readTree(env.workDir(site).resolve("result.json").toFile()).get("nodes")) {
            if (entry.get("node").asText().equals(node)) {
                return entry;
            }
        }
        throw new AssertionError(node + " is not in result.json");
    }

    /** Each node's package changes in the site's result.json. */
    private static Map<String, JsonNode> packages(E2eEnvironment env, Path site) throws IOException {
        Map<String, JsonNode> packages = new LinkedHashMap<>();
        for (JsonNode entry : new ObjectMapper().readTree(env.workDir(site).resolve("result.json").toFile()).get("nodes")) {
            packages.put(entry.get("node").asText(), entry.get("packages"));
        }
        return packages;
    }

    /** A node's field in the site's result.json, as text. */
    private static String resultField(E2eEnvironment env, Path site, String node, String field) throws IOException {
        for (JsonNode entry : new ObjectMapper().readTree(env.workDir(site).resolve("result.json").toFile()).get("nodes")) {
            if (entry.get("node").asText().equals(node)) {
                return entry.get(field).asText();
            }
        }
        throw new AssertionError(node + " is not in result.json");
    }

    /** A node's file changes in the site's result.json, one "added PATH", "removed PATH" or "changed PATH [what]" each. */
    private static List<String> files(E2eEnvironment env, Path site, String node) throws IOException {
        List<String> changes = new ArrayList<>();
        for (JsonNode entry : new ObjectMapper().readTree(env.workDir(site).resolve("result.json").toFile()).get("nodes")) {
            JsonNode files = entry.get("files");
            if (entry.get("node").asText().equals(node) && files != null && !files.isNull()) {
                files.get("added").forEach(f -> changes.add("added " + f.get("path").asText()));
                files.get("removed").forEach(f -> changes.add("removed " + f.get("path").asText()));
                files.get("changed").forEach(f -> changes.add("changed " + f.get("path").asText() + " " + f.get("what")
                        .toString().replace("\"", "")));
            }
        }
        return changes;
    }

    /** Builds {@code strata-probe_VERSION_all.deb} as {@code DIR/strata-probe.deb} with dpkg-deb. */
    private static void debPackage(Path dir, String version) throws IOException, InterruptedException {
        Path tree = Files.createTempDirectory("strata-probe");
        Files.createDirectories(tree.resolve("DEBIAN"));
        Files.writeString(tree.resolve("DEBIAN/control"), """
                Package: strata-probe
                Version: %s
                Architecture: all
                Maintainer: Strata tests <tests@example.org>
                Description: a package the end-to-end tests install
                """.formatted(version));
        Files.createDirectories(tree.resolve("usr/share/strata-probe"));
        Files.writeString(tree.resolve("usr/share/strata-probe/version"), version + "\n");
        Files.createDirectories(dir);
        Process build = new ProcessBuilder(List.of("dpkg-deb", "--root-owner-group", "--build", tree.toString(),
                dir.resolve("strata-probe.deb").toString())).redirectErrorStream(true).start();
        String output = new String(build.getInputStream().readAllBytes());
        assertTrue(build.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, build.exitValue(), output);
    }
}
