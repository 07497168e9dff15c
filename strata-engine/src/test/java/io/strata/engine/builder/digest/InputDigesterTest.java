package io.strata.engine.builder.digest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.packages.PackageList;
import io.strata.engine.builder.packages.PackageListParser;
import io.strata.engine.graph.NodeId;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputDigesterTest {

    private static final NodeId ROOT = new NodeId("os", "base");
    private static final NodeId COMPUTE = new NodeId("compute", "compute");
    private static final String PARENT = "sha256:" + "1".repeat(64);
    private static final ToolVersions TOOLS = new ToolVersions("0.1.0", "buildah 1.28.2", "ansible-playbook [core 2.14.18]");

    @TempDir
    Path site;

    private void write(String path, String text) throws IOException {
        Path file = site.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

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
        write("packages.yaml", "manager: apt\nrelease: bookworm\nrepos: [{alias: d, url: 'http://deb.debian.org/debian'}]\npackages: [python3]\n");
        write("inv/hosts.yml", "all:\n  children:\n    Compute:\n      hosts:\n        c1:\n    UAN:\n      hosts:\n        u1:\n");
        write("inv/group_vars/all.yml", "domain: example.org\nunused_everywhere: 1\nprofile_base: throughput\n");
        write("inv/group_vars/Compute.yml", "hugepages: 0\nfeatures: [gpu]\n");
        write("inv/group_vars/UAN.yml", "motd: hello\n");
        write("comp.yml", "- hosts: Compute\n  roles:\n    - tune\n");
        write("roles/tune/tasks/main.yml", """
                - name: tune
                  ansible.builtin.template:
                    src: tune.conf.j2
                    dest: /etc/tune.conf
                """);
        write("roles/tune/defaults/main.yml", "tune_profile: \"{{ profile_base }}-hpc\"\n");
        write("roles/tune/templates/tune.conf.j2", "pages={{ hugepages }}\nprofile={{ tune_profile }}\ndomain={{ domain }}\n");
        write("roles/tune/README.md", "# tune\n");
    }

    private InputDigest digest(NodeId id, String parent) {
        SiteSnapshot snapshot = SiteSnapshot.load("layers.yaml", SiteTrees.single(DirectorySourceTree.of(site)));
        PackageList packages = null;
        if (id.equals(ROOT)) {
            packages = PackageListParser.parse("packages.yaml", snapshot.trees().main().read("packages.yaml").orElseThrow());
        }
        return new InputDigester(snapshot).digest(id, parent, packages, TOOLS, "chroot");
    }

    @Test
    void aLayersDigestListsItsFilesAndTheValuesOfTheVariablesItReads() {
        InputDigest digest = digest(COMPUTE, PARENT);
        assertTrue(digest.lines().contains("parent " + PARENT), digest.text());
        assertTrue(digest.lines().stream().anyMatch(l -> l.startsWith("file roles/tune/templates/tune.conf.j2 sha256:")), digest.text());
        assertTrue(digest.lines().contains("var hugepages 0"), digest.text());
        assertTrue(digest.lines().contains("var domain \"example.org\""), digest.text());
        assertTrue(digest.lines().contains("var profile_base \"throughput\""), "read through a role default: " + digest.text());
        assertTrue(digest.lines().stream().noneMatch(l -> l.contains("unused_everywhere") || l.contains("motd")
                || l.contains("README")), digest.text());
        assertTrue(digest.tag().matches("in-[0-9a-f]{32}"), digest.tag());
        assertEquals(digest.value(), digest(COMPUTE, PARENT).value(), "the same inputs give the same digest");
    }

    @Test
    void aReferencedVariablesValueChangesTheDigestAReformattedInventoryDoesNot() throws IOException {
        String before = digest(COMPUTE, PARENT).value();
        write("inv/group_vars/Compute.yml", "# compute nodes\nfeatures:\n  - gpu\nhugepages:   0   # none\n");
        assertEquals(before, digest(COMPUTE, PARENT).value(), "comments and layout are not values");
        write("inv/group_vars/Compute.yml", "hugepages: 512\nfeatures: [gpu]\n");
        assertNotEquals(before, digest(COMPUTE, PARENT).value());
    }

    @Test
    void aVariableReachedThroughAnotherVariableCounts() throws IOException {
        String before = digest(COMPUTE, PARENT).value();
        write("inv/group_vars/all.yml", "domain: example.org\nunused_everywhere: 1\nprofile_base: latency\n");
        assertNotEquals(before, digest(COMPUTE, PARENT).value());
    }

    @Test
    void aClosureFileChangesTheDigestAnUnrelatedFileOrAnotherGroupsVariableDoesNot() throws IOException {
        String before = digest(COMPUTE, PARENT).value();
        write("roles/tune/README.md", "# tune\nDocs only.\n");
        write("uan.yml", "- hosts: UAN\n  tasks: []\n");
        write("inv/group_vars/UAN.yml", "motd: changed\n");
        write("inv/group_vars/all.yml", "domain: example.org\nunused_everywhere: 2\nprofile_base: throughput\n");
        assertEquals(before, digest(COMPUTE, PARENT).value());
        write("roles/tune/templates/tune.conf.j2", "pages={{ hugepages }}\n");
        assertNotEquals(before, digest(COMPUTE, PARENT).value());
    }

    @Test
    void theParentImageChangesTheDigest() {
        assertNotEquals(digest(COMPUTE, PARENT).value(), digest(COMPUTE, "sha256:" + "2".repeat(64)).value());
    }

    @Test
    void aRootsDigestIsItsPackageListsValue() throws IOException {
        InputDigest before = digest(ROOT, null);
        assertTrue(before.lines().contains("parent scratch"), before.text());
        write("packages.yaml", "# the root\nmanager: apt\nrelease: 'bookworm'\nrepos:\n  - {url: 'http://deb.debian.org/debian', alias: d}\npackages:\n  - python3\n");
        assertEquals(before.value(), digest(ROOT, null).value(), "reformatting a package list changes nothing");
        write("packages.yaml", "manager: apt\nrelease: bookworm\nrepos: [{alias: d, url: 'http://deb.debian.org/debian'}]\npackages: [python3, less]\n");
        assertNotEquals(before.value(), digest(ROOT, null).value());
    }

    @Test
    void vaultEncryptedInventoryFilesAlwaysCount() throws IOException {
        write("inv/group_vars/UAN.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162636465\n");
        String before = digest(COMPUTE, PARENT).value();
        write("inv/group_vars/UAN.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162636466\n");
        assertNotEquals(before, digest(COMPUTE, PARENT).value(), "a vault file may define anything");
    }

    @Test
    void readingVariablesByComputedNameBringsInEveryVisibleVariable() throws IOException {
        write("roles/tune/templates/tune.conf.j2", "{{ vars['hugepages'] }}\n");
        InputDigest digest = digest(COMPUTE, PARENT);
        assertTrue(digest.lines().contains("var unused_everywhere 1"), digest.text());
        assertTrue(digest.lines().stream().noneMatch(l -> l.startsWith("var motd")), "UAN's variables are not visible: " + digest.text());
    }

    @Test
    void canonicalJsonKeepsTypesApartAndIgnoresKeyOrder() {
        assertEquals("{\"a\":1,\"b\":\"1\"}", CanonicalJson.write(java.util.Map.of("b", "1", "a", 1)));
        assertEquals("[true,null,\"x\\ny\"]", CanonicalJson.write(java.util.Arrays.asList(true, null, "x\ny")));
        assertEquals("{\"!vault\":\"$ANSIBLE_VAULT;abc\"}", CanonicalJson.write(new io.strata.engine.inventory.VaultValue("$ANSIBLE_VAULT;abc")));
    }
}
