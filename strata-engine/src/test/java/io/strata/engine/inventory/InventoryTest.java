package io.strata.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.Problem;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InventoryTest {

    @TempDir
    Path root;

    private Inventory load() {
        return Inventory.load(DirectorySourceTree.of(root), "inv");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void yamlHostsWithChildrenHierarchyAndGroupVars() throws IOException {
        write("inv/hosts.yml", """
                all:
                  vars:
                    ntp_server: ntp.site
                  children:
                    HSN:
                      children:
                        Compute:
                          hosts:
                            nid[001:003]:
                          vars:
                            slurm_role: compute
                        UAN:
                          hosts:
                            uan01: {ansible_host: 10.0.0.5}
                """);
        write("inv/group_vars/all.yml", "site: clusterA\nntp_server: ntp.group-vars\n");
        write("inv/group_vars/HSN.yaml", "fabric: slingshot\nsite: hsn-site\n");
        write("inv/group_vars/Compute/10-slurm.yml", "slurm_version: '23.11'\nslurm_role: worker\n");
        write("inv/group_vars/Compute/20-more.yml", "slurm_version: '24.05'\n");
        write("inv/group_vars/Compute/notes.md", "not: vars\n");
        write("inv/README.md", "# the inventory\n");
        Inventory inventory = load();

        assertEquals(List.of(), inventory.problems());
        assertEquals(Set.of("all", "ungrouped", "HSN", "Compute", "UAN"), inventory.groupNames());
        assertEquals(Set.of("nid001", "nid002", "nid003", "uan01"), inventory.hostNames());
        assertEquals(Set.of("nid001", "nid002", "nid003", "uan01"), inventory.hostsOf("HSN"));
        assertEquals(Set.of("Compute", "HSN", "all"), inventory.withAncestors("Compute"));
        assertEquals(Set.of("Compute", "HSN", "all", "Extra"), inventory.visibleGroups(List.of("Compute", "Extra")));

        Map<String, VariableDefinition> compute = inventory.variablesFor(List.of("Compute"));
        assertEquals("ntp.group-vars", compute.get("ntp_server").value());
        assertEquals("hsn-site", compute.get("site").value());
        assertEquals("24.05", compute.get("slurm_version").value());
        assertEquals("worker", compute.get("slurm_role").value());
        assertEquals("inv/group_vars/Compute/20-more.yml", compute.get("slurm_version").location().file());
        assertEquals(1, compute.get("slurm_version").location().line());
        assertFalse(compute.containsKey("ansible_host"));
        assertFalse(inventory.variablesFor(List.of("UAN")).containsKey("slurm_version"));
    }

    @Test
    void iniHostsWithRangesChildrenAndVars() throws IOException {
        write("inv/hosts", """
                bastion ansible_host=10.0.0.1
                [compute]
                nid[01:04] rack=3
                [login]
                uan01:2222 role="login node"  # comment
                [hpc:children]
                compute
                login
                [hpc:vars]
                slurm_port=6817
                slurm_name='cluster'
                [all:vars]
                domain=site.example
                """);
        Inventory inventory = load();
        assertEquals(List.of(), inventory.problems());
        assertEquals(Set.of("nid01", "nid02", "nid03", "nid04"), inventory.hostsOf("compute"));
        assertEquals(Set.of("bastion"), inventory.hostsOf("ungrouped"));
        assertEquals(Set.of("all", "hpc", "login"), inventory.withAncestors("login"));
        Map<String, VariableDefinition> variables = inventory.variablesFor(List.of("compute"));
        assertEquals(6817, variables.get("slurm_port").value());
        assertEquals("cluster", variables.get("slurm_name").value());
        assertEquals("site.example", variables.get("domain").value());
        assertEquals(10, variables.get("slurm_port").location().line());
    }

    @Test
    void aRangeWithoutAnEndIsOneHostNameNotACrash() throws IOException {
        write("inv/hosts", "[compute]\nnid[1:]\nc[:]\nok[1:2]\n");
        assertEquals(Set.of("nid[1:]", "c[:]", "ok1", "ok2"), load().hostsOf("compute"));
    }

    @Test
    void filesAnsibleSkipsInAnInventoryFolderDefineNothingButIniFilesCount() throws IOException {
        write("inv/hosts.yml", "all:\n  children:\n    Compute:\n      hosts: {n1: {}}\n");
        write("inv/ansible.cfg", "[defaults]\nroles_path = roles\n");
        write("inv/site.cfg", "[Bogus]\nb1\n");
        write("inv/hosts.rpm", "[Bogus]\nb2\n");
        write("inv/extra.ini", "[Login]\nl1\n");
        Inventory inventory = load();
        assertTrue(inventory.groupNames().contains("Login"), "an .ini file is read (ansible-core 2.19 and later read it)");
        assertTrue(!inventory.groupNames().contains("Bogus"), inventory.groupNames().toString());
    }

    @Test
    void groupVarsFilesOutrankEveryHostsFileGroupVariable() throws IOException {
        write("inv/hosts", "[Compute]\nn1\n[Compute:vars]\nv=from-hosts\nw=from-hosts\n");
        write("inv/group_vars/all.yml", "v: from-group-vars-all\n");
        write("inv/group_vars/Compute", "x: from-plain-file\n");
        write("inv/group_vars/Compute.yml", "x: not-read-beside-the-plain-file\n");
        Map<String, VariableDefinition> variables = load().variablesFor(List.of("Compute"));
        assertEquals("from-group-vars-all", variables.get("v").value());
        assertEquals("from-hosts", variables.get("w").value());
        assertEquals("from-plain-file", variables.get("x").value());
    }

    @Test
    void variableUsesFollowJinjaReferences() throws IOException {
        write("inv/group_vars/all.yml", "a: 1\nb: \"{{ a }}-{{ suffix | default('x') }}\"\n");
        VariableDefinition b = load().variablesFor(List.of()).get("b");
        assertEquals(Set.of("a", "suffix"), b.uses().names());
    }

    @Test
    void unparseableFileIsAProblemWithFileAndLine() throws IOException {
        write("inv/group_vars/Compute.yml", "good: 1\nbad: [unclosed\nother: 2\n");
        write("inv/hosts", "[Compute]\nnode1 = broken\n");
        Inventory inventory = load();
        List<Problem> problems = inventory.problems();
        assertEquals(2, problems.size(), problems.toString());
        Problem yaml = problems.stream().filter(p -> p.location().file().endsWith("Compute.yml")).findFirst().orElseThrow();
        assertEquals(3, yaml.location().line());
        Problem ini = problems.stream().filter(p -> p.location().file().equals("inv/hosts")).findFirst().orElseThrow();
        assertEquals(2, ini.location().line());
        assertTrue(inventory.variablesFor(List.of("Compute")).isEmpty());
    }

    @Test
    void aVarsFileOfCommentsOnlyDefinesNothingButAListIsAProblem() throws IOException {
        // As stackhpc/ansible-slurm-appliance's group_vars/all/hpctests.yml: '---', then comments.
        write("inv/group_vars/all/hpctests.yml", "---\n# See the role's README\n\n# hpctests_user:\n");
        write("inv/group_vars/all/notes.yml", "# nothing yet\n");
        write("inv/group_vars/all/main.yml", "site: clusterA\n");
        write("inv/group_vars/Compute.yml", "---\n- not\n- variables\n");
        write("inv/hosts", "[Compute]\nnode1\n");
        Inventory inventory = load();

        List<Problem> problems = inventory.problems();
        assertEquals(1, problems.size(), problems.toString());
        assertEquals("inv/group_vars/Compute.yml", problems.get(0).location().file());
        assertEquals(2, problems.get(0).location().line());
        assertEquals(Set.of("site"), inventory.variablesFor(List.of("UAN")).keySet());
    }

    @Test
    void hostsFilesOfSubFoldersAreReadButNotTheirGroupVars() throws IOException {
        // What ansible-inventory -i inv shows for this layout (checked with ansible-core 2.14).
        write("inv/hosts", "[Compute]\nc001\n");
        write("inv/prod/hosts", "[GPU]\ng001\n\n[Compute:children]\nGPU\n");
        write("inv/prod/group_vars/GPU.yml", "prod_only: 2\n");
        write("inv/group_vars/Compute.yml", "x: 1\n");
        write("inv/group_vars/GPU.yml", "z: 3\n");
        write("inv/.hidden/hosts", "[Hidden]\nh001\n");
        write("inv/vars_plugins/hosts", "[NotHosts]\nn001\n");
        Inventory inventory = load();

        assertEquals(List.of(), inventory.problems());
        assertEquals(Set.of("all", "ungrouped", "Compute", "GPU"), inventory.groupNames());
        assertEquals(Set.of("c001", "g001"), inventory.hostsOf("Compute"));
        assertEquals(Set.of("x", "z"), inventory.variablesFor(List.of("GPU")).keySet());
    }

    @Test
    void vaultValuesAreKeptAsCiphertext() throws IOException {
        write("inv/group_vars/all/vault.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162636465\n");
        write("inv/group_vars/all/main.yml", """
                db_password: !vault |
                  $ANSIBLE_VAULT;1.1;AES256
                  3131313131
                user: admin
                raw_text: !unsafe '{{ literal braces }}'
                """);
        Inventory inventory = load();
        assertEquals(List.of(), inventory.problems());
        VariableDefinition password = inventory.variablesFor(List.of()).get("db_password");
        assertTrue(password.vault());
        assertEquals(new VaultValue("$ANSIBLE_VAULT;1.1;AES256\n3131313131\n"), password.value());
        assertEquals("{{ literal braces }}", inventory.variablesFor(List.of()).get("raw_text").value());
    }

    @Test
    void cycleInGroupsIsAProblemNotACrash() throws IOException {
        write("inv/hosts", "[a:children]\nb\n[b:children]\na\n");
        Inventory inventory = load();
        assertEquals(1, inventory.problems().size());
        assertTrue(inventory.withAncestors("a").contains("all"));
    }

    @Test
    void playbooksBesideTheInventoryAreNotHostsFiles() throws IOException {
        write("inv/site.yml", "- hosts: all\n  roles: [common]\n");
        write("inv/hosts.yml", "Compute:\n  hosts:\n    n1:\n");
        Inventory inventory = load();
        assertEquals(List.of(), inventory.problems());
        assertEquals(Set.of("n1"), inventory.hostNames());
    }
}
