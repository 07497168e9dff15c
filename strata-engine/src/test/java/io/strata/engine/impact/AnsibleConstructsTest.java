package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** How playbook constructs and inventory forms reach nodes, end to end on git histories. */
class AnsibleConstructsTest extends SeededSiteTest {

    /** Commits the setup, then the change, and analyses only the change. */
    ImpactResult change(String setup, Runnable edit) {
        String before = site.commit(setup);
        edit.run();
        return site.impact(before, site.commit("change"));
    }

    @Test
    void includeRoleWithTasksFromCountsThatRole() {
        site.write("roles/tools/tasks/extra.yml", "- ansible.builtin.debug: {msg: extra}\n");
        site.write("uan.yml", "- hosts: UAN\n  roles: [uan]\n  tasks:\n    - ansible.builtin.include_role:\n        name: tools\n        tasks_from: extra\n");
        ImpactResult result = change("tools role", () -> site.edit("roles/tools/tasks/extra.yml", "extra", "more"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        assertEquals("role", reasons(result, "uan/uan").get(0).kind());
    }

    @Test
    void importPlaybookOfAMatchingPlayCounts() {
        site.write("common.yml", "- hosts: all\n  tasks:\n    - ansible.builtin.debug: {msg: common}\n");
        site.write("comp.yml", "- ansible.builtin.import_playbook: common.yml\n- hosts: Compute\n  roles: [compute_node]\n");
        ImpactResult result = change("import common", () -> site.edit("common.yml", "msg: common", "msg: shared"));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
        assertEquals("playbook", reasons(result, "compute/compute").get(0).kind());
    }

    @Test
    void templateLookupAndIncludeVarsAreInputs() {
        site.write("templates/banner.j2", "Welcome to {{ cluster_name }}\n");
        site.write("vars/uan-extra.yml", "uan_shell: /bin/bash\n");
        site.write("uan.yml", """
                - hosts: UAN
                  roles: [uan]
                  tasks:
                    - ansible.builtin.include_vars: vars/uan-extra.yml
                    - ansible.builtin.copy:
                        content: "{{ lookup('template', 'templates/banner.j2') }}"
                        dest: /etc/issue
                """);
        String before = site.commit("lookup and include_vars");
        site.edit("templates/banner.j2", "Welcome", "Hello");
        String afterTemplate = site.commit("banner");
        assertRebuild(site.impact(before, afterTemplate), Map.of("uan/uan", true, "slurm/uan", false));
        site.edit("vars/uan-extra.yml", "bash", "zsh");
        assertRebuild(site.impact(afterTemplate, site.commit("shell")), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void variableUsedOnlyInWhenOrLoopCounts() {
        site.write("cluster-inventory/group_vars/UAN.yml", "uan_motd: Welcome\nuan_extra_packages: [vim]\nuan_debug: false\n");
        site.write("roles/uan/tasks/main.yml", """
                - name: motd
                  ansible.builtin.copy:
                    content: "{{ uan_motd }}"
                    dest: /etc/motd
                - name: packages
                  ansible.builtin.debug:
                    msg: "{{ item }}"
                  with_items: uan_extra_packages
                - name: debug
                  ansible.builtin.debug:
                    msg: debugging
                  when: uan_debug
                """);
        String before = site.commit("loop and when");
        site.edit("cluster-inventory/group_vars/UAN.yml", "[vim]", "[vim, emacs]");
        String loop = site.commit("packages");
        assertRebuild(site.impact(before, loop), Map.of("uan/uan", true, "slurm/uan", false));
        site.edit("cluster-inventory/group_vars/UAN.yml", "uan_debug: false", "uan_debug: true");
        assertRebuild(site.impact(loop, site.commit("debug")), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void aCommandTheControllerRunsMakesEveryFileOfTheRepositoryAnInputOfItsNode() {
        for (String task : new String[] {
                "    - ansible.builtin.debug: {msg: \"{{ lookup('ansible.builtin.pipe', 'cat notes/anything.txt') }}\"}\n",
                "    - ansible.builtin.debug: {msg: \"{{ lookup('lines', 'cat notes/anything.txt') }}\"}\n",
                "    - ansible.builtin.shell: cat notes/anything.txt\n      delegate_to: localhost\n",
                "    - local_action: command cat notes/anything.txt\n"}) {
            site.write("notes/anything.txt", "one\n");
            site.write("uan.yml", "- hosts: UAN\n  roles: [uan]\n  tasks:\n" + task);
            ImpactResult result = change("controller command: " + task, () -> site.edit("notes/anything.txt", "one", "two"));
            assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
            assertEquals("dynamic", reasons(result, "uan/uan").get(0).kind(), task);
        }
    }

    @Test
    void aControllerCommandThatReadsNoFileLeavesTheNodeAloneAndOneThatMayStillCounts() {
        site.write("notes/anything.txt", "one\n");
        // As stackhpc/ansible-slurm-appliance's opensearch role: a timestamp in a file name.
        site.write("uan.yml", "- hosts: UAN\n  roles: [uan]\n  tasks:\n"
                + "    - ansible.builtin.debug: {msg: \"data-{{ lookup('pipe', 'date --iso-8601=minutes') }}.tar.gz\"}\n"
                + "    - ansible.builtin.debug: {msg: \"{{ lookup('ansible.builtin.pipe', 'date +%Y%m%d', 'hostname -s') }}\"}\n");
        assertNothing(change("timestamps", () -> site.edit("notes/anything.txt", "one", "two")));
        for (String command : new String[] {"date -r notes/anything.txt", "date --ref=notes/anything.txt", "date +%s $(cat notes/anything.txt)",
            "git log -1", "date {{ fmt }}"}) {
            site.write("uan.yml", "- hosts: UAN\n  roles: [uan]\n  tasks:\n"
                    + "    - ansible.builtin.debug: {msg: \"{{ lookup('pipe', '" + command + "') }}\"}\n");
            ImpactResult result = change("command " + command, () -> site.edit("notes/anything.txt", "two", "three"));
            assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
            assertEquals("dynamic", reasons(result, "uan/uan").get(0).kind(), command);
            site.edit("notes/anything.txt", "three", "two");
        }
    }

    @Test
    void aCommandRunOnTheImageOrADelegatedModuleThatIsNotACommandReadsNothingOfTheSite() {
        site.write("notes/anything.txt", "one\n");
        site.write("uan.yml", """
                - hosts: UAN
                  roles: [uan]
                  tasks:
                    - ansible.builtin.shell: cat /etc/os-release
                    - ansible.builtin.debug: {msg: hello}
                      delegate_to: localhost
                """);
        assertNothing(change("commands in the image", () -> site.edit("notes/anything.txt", "one", "two")));
    }

    @Test
    void iniInventoryAndGroupVarsFolderAreRead() {
        site.delete("cluster-inventory/hosts.yml");
        site.write("cluster-inventory/hosts.ini", """
                [Compute]
                c001
                c002

                [UAN]
                uan01

                [HSN:children]
                Compute
                UAN
                """);
        site.delete("cluster-inventory/group_vars/Compute.yml");
        site.write("cluster-inventory/group_vars/Compute/tuning.yml", "compute_profile: hpc\n");
        site.write("cluster-inventory/group_vars/Compute/pages.yml", "compute_hugepages: 0\n");
        ImpactResult result = change("INI inventory", () ->
                site.edit("cluster-inventory/group_vars/Compute/tuning.yml", "hpc", "latency"));
        assertRebuild(result, Map.of("compute/compute", true, "slurm/compute", false));
    }

    @Test
    void roleOutsideEveryClosureRebuildsNothing() {
        site.write("roles/unused/tasks/main.yml", "- ansible.builtin.debug: {msg: unused}\n");
        assertNothing(change("unused role", () -> site.edit("roles/unused/tasks/main.yml", "unused}", "still unused}")));
    }

    @Test
    void playbookPathChangedInLayersFileIsADefinitionChange() {
        site.write("uan2.yml", "- hosts: UAN\n  roles: [uan]\n");
        ImpactResult result = change("second uan playbook", () ->
                site.edit("layers.yaml", "pb: 'uan.yml'", "pb: 'uan2.yml'"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
        assertEquals("definition", reasons(result, "uan/uan").get(0).kind());
    }

    @Test
    void removingANodeRebuildsNothingElse() {
        ImpactResult result = change("nothing", () -> site.write("layers.yaml", SeedSite.LAYERS
                .replace("    - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}\n", "")));
        assertNothing(result);
        assertEquals(5, result.reuse().size());
    }

    @Test
    void hostVarsCountOnlyForPlaybooksReadingHostvars() {
        site.write("cluster-inventory/host_vars/uan01.yml", "bmc_ip: 10.0.0.5\n");
        String before = site.commit("host vars");
        site.edit("cluster-inventory/host_vars/uan01.yml", "10.0.0.5", "10.0.0.6");
        String changed = site.commit("bmc");
        assertNothing(site.impact(before, changed));
        site.write("roles/uan/templates/hosts.j2", "{{ hostvars['uan01'].bmc_ip }}\n");
        site.write("roles/uan/tasks/main.yml", "- ansible.builtin.template: {src: hosts.j2, dest: /etc/bmc}\n");
        String reads = site.commit("uan reads hostvars");
        site.edit("cluster-inventory/host_vars/uan01.yml", "10.0.0.6", "10.0.0.7");
        assertRebuild(site.impact(reads, site.commit("bmc again")), Map.of("uan/uan", true, "slurm/uan", false));
    }

    @Test
    void roleVarsFileReferencesCount() {
        site.write("roles/uan/vars/main.yml", "uan_banner: \"{{ site_contact }}\"\n");
        ImpactResult result = change("role vars read site_contact", () ->
                site.edit("cluster-inventory/group_vars/all.yml", "admin@example.org", "hpc@example.org"));
        assertRebuild(result, Map.of("uan/uan", true, "slurm/uan", false));
    }
}
