package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.change.ChangeSet;
import io.strata.engine.change.GitChangeSets;
import io.strata.engine.graph.NodeId;
import io.strata.engine.site.SiteTrees;
import io.strata.engine.source.DirectorySourceTree;
import io.strata.engine.source.SourceTree;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The paper's own model: a site spread over four git repositories (the layers file's site
 * repository, the inventory, a shared layer repository and a leaf layer repository), each change
 * read from the repository it was made in. Rebuild and start sets exact.
 */
class MultiRepoTest {

    static final String INVENTORY = "cluster-inventory";
    static final String HSN = "hsn-config";
    static final String SLURM = "slurm-config";

    /** The contract's example with the paper's {@code repo:} keys: hsn and slurm live in their own repositories. */
    static final String LAYERS = SeedSite.LAYERS
            .replace("hsn:\n  image_types:", "hsn:\n  repo: 'hsn-config'\n  image_types:")
            .replace("slurm:\n  image_types:", "slurm:\n  repo: 'slurm-config'\n  image_types:");

    static final Map<String, Boolean> EVERYTHING_BELOW_HSN = Map.of("hsn/base", true, "compute/compute", false,
            "uan/uan", false, "slurm/compute", false, "slurm/uan", false);
    static final Map<String, Boolean> BOTH_SLURM_NODES = Map.of("slurm/compute", true, "slurm/uan", true);

    @TempDir
    Path dir;

    /** Repository name (null: the site repository) to its history. */
    final Map<String, SiteHistory> repos = new LinkedHashMap<>();
    /** Repository name to its last commit. */
    final Map<String, String> last = new LinkedHashMap<>();

    @BeforeEach
    void seed() {
        SiteHistory site = open(null, "site");
        assertTrue(LAYERS.contains("repo: 'hsn-config'") && LAYERS.contains("repo: 'slurm-config'"), LAYERS);
        site.write("layers.yaml", LAYERS)
                .write("packages.yaml", "manager: apt\nrelease: bookworm\npackages: [python3, chrony]\n")
                .write("comp.yml", "- hosts: Compute\n  roles:\n    - compute_node\n")
                .write("uan.yml", "- hosts: UAN\n  roles:\n    - uan\n")
                .write("roles/compute_node/tasks/main.yml", """
                        - name: Huge pages
                          ansible.builtin.copy:
                            content: "vm.nr_hugepages = {{ compute_hugepages }}"
                            dest: /etc/sysctl.d/80-hugepages.conf
                        """)
                .write("roles/uan/tasks/main.yml", """
                        - name: motd
                          ansible.builtin.copy:
                            content: "{{ uan_motd }}"
                            dest: /etc/motd
                        """);
        open(INVENTORY, INVENTORY)
                .write("hosts.yml", """
                        all:
                          children:
                            HSN:
                              children:
                                Compute:
                                  hosts:
                                    c001:
                                UAN:
                                  hosts:
                                    uan01:
                        """)
                .write("group_vars/all.yml", "slurm_controller: ctl01\nsite_contact: admin@example.org\n")
                .write("group_vars/HSN.yml", "hsn_mtu: 9000\n")
                .write("group_vars/Compute.yml", "compute_hugepages: 0\n")
                .write("group_vars/UAN.yml", "uan_motd: Welcome\n");
        open(HSN, HSN)
                .write("hsn.yml", "- hosts: HSN\n  roles:\n    - common\n    - hsn\n")
                .write("roles/hsn/tasks/main.yml", """
                        - name: HSN settings
                          ansible.builtin.template:
                            src: hsn.conf.j2
                            dest: /etc/hsn.conf
                        """)
                .write("roles/hsn/templates/hsn.conf.j2", "mtu={{ hsn_mtu }}\n")
                .write("roles/common/tasks/main.yml", "- name: common\n  ansible.builtin.debug:\n    msg: hsn common\n");
        open(SLURM, SLURM)
                .write("slurm.yml", "- hosts: Compute:UAN\n  roles:\n    - common\n    - slurm\n")
                .write("roles/slurm/tasks/main.yml", """
                        - name: Slurm configuration
                          ansible.builtin.template:
                            src: slurm.conf.j2
                            dest: /etc/slurm/slurm.conf
                        """)
                .write("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost={{ slurm_controller }}\n")
                .write("roles/slurm/README.md", "# slurm role\n")
                .write("roles/common/tasks/main.yml", "- name: common\n  ansible.builtin.debug:\n    msg: slurm common\n")
                .write("roles/legacy/tasks/main.yml", "- name: no playbook uses this role\n  ansible.builtin.debug:\n    msg: old\n")
                .write("docs/upgrade-notes.md", "# Upgrading Slurm\n");
        repos.forEach((name, history) -> last.put(name, history.commit("seed " + (name == null ? "site" : name))));
    }

    private SiteHistory open(String name, String folder) {
        SiteHistory history = new SiteHistory(dir.resolve(folder));
        repos.put(name, history);
        return history;
    }

    @AfterEach
    void close() {
        repos.values().forEach(SiteHistory::close);
    }

    /** The site's trees as checked out now, each named repository mapped to its folder. */
    SiteTrees current() {
        Map<String, SourceTree> named = new LinkedHashMap<>();
        repos.forEach((name, history) -> {
            if (name != null) {
                named.put(name, DirectorySourceTree.of(history.dir()));
            }
        });
        return new SiteTrees(DirectorySourceTree.of(repos.get(null).dir()), Map.copyOf(named));
    }

    /** Commits the edits made in one repository and analyses that commit as the repository's change. */
    ImpactResult commitIn(String repo, String message) {
        SiteHistory history = repos.get(repo);
        String head = history.commit(message);
        String base = last.put(repo, head);
        ChangeSet change = GitChangeSets.between(history.dir(), repo, base, head, false);
        assertEquals(repo, change.repo());
        return SiteHistory.analyze(new ImpactRequest("layers.yaml", current(), change, Set.of(), Set.of(), false));
    }

    @Test
    void roleChangeInTheSharedLayerRepositoryRebuildsHsnAndEverythingBuiltOnIt() {
        repos.get(HSN).edit("roles/hsn/tasks/main.yml", "dest: /etc/hsn.conf", "dest: /etc/hsn/hsn.conf");
        ImpactResult result = commitIn(HSN, "move hsn.conf");
        assertRebuild(result, EVERYTHING_BELOW_HSN);
        Reason reason = reasons(result, "hsn/base").get(0);
        assertEquals("role", reason.kind());
        assertEquals("roles/hsn/tasks/main.yml", reason.file());
        assertEquals(List.of(NodeId.parse("my-fav-os/base")), result.reuse());
    }

    @Test
    void templateChangeInTheLeafRepositoryRebuildsOnlyTheSlurmNodes() {
        repos.get(SLURM).edit("roles/slurm/templates/slurm.conf.j2", "SlurmctldHost", "SlurmctldPort=6817\nSlurmctldHost");
        ImpactResult result = commitIn(SLURM, "slurm port");
        assertRebuild(result, BOTH_SLURM_NODES);
        assertEquals("roles/slurm/templates/slurm.conf.j2", reasons(result, "slurm/uan").get(0).file());
    }

    @Test
    void samePathInTwoRepositoriesIsTheRoleOfTheRepositoryThatChanged() {
        repos.get(SLURM).edit("roles/common/tasks/main.yml", "slurm common", "slurm common v2");
        assertRebuild(commitIn(SLURM, "slurm's common role"), BOTH_SLURM_NODES);

        repos.get(HSN).edit("roles/common/tasks/main.yml", "hsn common", "hsn common v2");
        assertRebuild(commitIn(HSN, "hsn's common role"), EVERYTHING_BELOW_HSN);
    }

    @Test
    void variableValueChangeInTheInventoryRepositoryRebuildsOnlyTheNodesThatReadIt() {
        repos.get(INVENTORY).edit("group_vars/all.yml", "slurm_controller: ctl01", "slurm_controller: ctl02");
        ImpactResult controller = commitIn(INVENTORY, "new controller");
        assertRebuild(controller, BOTH_SLURM_NODES);
        Reason reason = reasons(controller, "slurm/compute").get(0);
        assertEquals("variable", reason.kind());
        assertEquals("group_vars/all.yml", reason.file());
        assertTrue(reason.detail().contains("slurm_controller"), reason.detail());

        repos.get(INVENTORY).edit("group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 512");
        assertRebuild(commitIn(INVENTORY, "huge pages"), Map.of("compute/compute", true, "slurm/compute", false));
    }

    @Test
    void valueChangeOfAVariableNoPlaybookReadsRebuildsNothing() {
        repos.get(INVENTORY).edit("group_vars/all.yml", "admin@example.org", "hpc-admin@example.org")
                .edit("group_vars/Compute.yml", "compute_hugepages: 0", "# no huge pages yet\ncompute_hugepages: 0");
        assertNothing(commitIn(INVENTORY, "new contact, a comment"));
    }

    @Test
    void changeInTheLeafRepositoryToFilesNoPlaybookUsesRebuildsNothing() {
        repos.get(SLURM).edit("roles/legacy/tasks/main.yml", "msg: old", "msg: older")
                .edit("roles/slurm/README.md", "# slurm role", "# Slurm role")
                .edit("docs/upgrade-notes.md", "# Upgrading Slurm", "# Upgrading Slurm 24.11");
        ImpactResult result = commitIn(SLURM, "docs and an unused role");
        assertNothing(result);
        assertEquals(List.of("docs/upgrade-notes.md", "roles/legacy/tasks/main.yml", "roles/slurm/README.md"),
                result.changedFiles());
    }

    @Test
    void startAtRebuildsTheNodeAndItsDescendantsWithReasonStartAt() {
        ImpactResult result = new ImpactAnalyzer().analyze(new ImpactRequest("layers.yaml", current(), null,
                Set.of(NodeId.parse("uan/uan")), Set.of(), false));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        assertEquals(List.of(new Reason("start-at", null, "build requested from uan/uan")), reasons(result, "uan/uan"));
        assertEquals(List.of(Reason.parent("uan/uan")), reasons(result, "slurm/uan"));
    }
}
