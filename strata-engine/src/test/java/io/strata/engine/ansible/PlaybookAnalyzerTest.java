package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.source.SourceTree;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PlaybookAnalyzerTest {

    @TempDir
    Path dir;

    private RepoFixture repo;
    private final TestInventory inventory = new TestInventory()
            .group("Compute", "nid001", "nid002")
            .group("UAN", "uan01")
            .child("cluster", "Compute")
            .child("cluster", "UAN");

    @BeforeEach
    void setUp() {
        repo = new RepoFixture(dir);
    }

    private Closure analyze(String playbook, String... groups) {
        return analyze(repo.tree(), playbook, groups);
    }

    private Closure analyze(SourceTree tree, String playbook, String... groups) {
        return new PlaybookAnalyzer(tree, new AnalysisCache())
                .analyze(playbook, new AnalysisTarget(inventory.visible(groups), inventory));
    }

    private static Set<String> paths(Closure closure) {
        return closure.inputs().keySet();
    }

    private static Set<String> under(Closure closure, String prefix) {
        Set<String> matching = new TreeSet<>();
        closure.inputs().keySet().stream().filter(p -> p.startsWith(prefix)).forEach(matching::add);
        return matching;
    }

    @Test
    void importedPlaybooksCountAndOnlyPlaysReachingTheContainerContribute() {
        repo.file("site.yml", """
                - import_playbook: compute.yml
                - import_playbook: uan.yml
                """)
                .file("compute.yml", """
                        - hosts: Compute
                          vars_files: [vars/compute.yml]
                          roles: [slurm]
                        """)
                .file("uan.yml", """
                        - hosts: UAN
                          vars_files: [vars/uan.yml]
                          roles: [desktop]
                          tasks:
                            - import_tasks: tasks/uan.yml
                        """)
                .file("vars/compute.yml", "slurm_version: 23\n")
                .file("vars/uan.yml", "desktop: gnome\n")
                .file("tasks/uan.yml", "- debug: msg=uan\n")
                .file("roles/slurm/tasks/main.yml", "- package: name=slurm\n")
                .file("roles/desktop/tasks/main.yml", "- package: name=gnome\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "compute.yml", "uan.yml", "vars/compute.yml", "roles/slurm/tasks/main.yml"),
                paths(closure));
        assertEquals("playbook", closure.inputs().get("uan.yml").kind());
        assertEquals("imported by site.yml", closure.inputs().get("uan.yml").detail());
        assertEquals("role slurm used by compute.yml", closure.inputs().get("roles/slurm/tasks/main.yml").detail());
        assertEquals(Set.of("roles/slurm"), closure.roles());
    }

    @Test
    void aRoleContributesItsBuildFoldersButNotItsDocsTestsOrMolecule() {
        repo.file("slurm.yml", """
                - hosts: all
                  roles:
                    - slurm
                    - role: munge
                      vars: {munge_key: "{{ site_key }}"}
                    - {name: chrony}
                """);
        for (String role : List.of("slurm", "munge", "chrony")) {
            repo.file("roles/" + role + "/tasks/main.yml", "- debug: msg=" + role + "\n")
                    .file("roles/" + role + "/README.md", "# " + role + "\n")
                    .file("roles/" + role + "/molecule/default/converge.yml", "- hosts: all\n")
                    .file("roles/" + role + "/tests/test.yml", "- hosts: localhost\n")
                    .file("roles/" + role + "/docs/index.md", "doc\n")
                    .file("roles/" + role + "/.travis.yml", "language: python\n");
        }
        repo.file("roles/slurm/handlers/main.yml", "- name: restart slurmd\n  service: name=slurmd state=restarted\n")
                .file("roles/slurm/templates/slurm.conf.j2", "ClusterName={{ cluster_name }}\n")
                .file("roles/slurm/files/cgroup.conf", "CgroupPlugin=autodetect\n")
                .file("roles/slurm/vars/main.yml", "slurm_user: slurm\n")
                .file("roles/slurm/defaults/main.yml", "slurm_port: 6817\n")
                .file("roles/slurm/meta/main.yml", "galaxy_info: {author: hpc}\n")
                .file("roles/slurm/library/slurm_conf.py", "# module\n")
                .file("roles/slurm/module_utils/slurm.py", "# utils\n")
                .file("roles/slurm/filter_plugins/nodes.py", "# filter\n")
                .file("roles/slurm/lookup_plugins/partitions.py", "# lookup\n");

        Closure closure = analyze("slurm.yml", "Compute");

        assertEquals(Set.of("roles/slurm/tasks/main.yml", "roles/slurm/handlers/main.yml",
                "roles/slurm/templates/slurm.conf.j2", "roles/slurm/files/cgroup.conf", "roles/slurm/vars/main.yml",
                "roles/slurm/defaults/main.yml", "roles/slurm/meta/main.yml", "roles/slurm/library/slurm_conf.py",
                "roles/slurm/module_utils/slurm.py", "roles/slurm/filter_plugins/nodes.py",
                "roles/slurm/lookup_plugins/partitions.py"), under(closure, "roles/slurm/"));
        assertEquals(Set.of("roles/munge/tasks/main.yml"), under(closure, "roles/munge/"));
        assertEquals(Set.of("roles/chrony/tasks/main.yml"), under(closure, "roles/chrony/"));
        assertEquals("role", closure.inputs().get("roles/slurm/files/cgroup.conf").kind());
        assertEquals(Set.of("roles/slurm", "roles/munge", "roles/chrony"), closure.roles());
        assertTrue(closure.variables().names().containsAll(Set.of("cluster_name", "site_key")));
    }

    @Test
    void metaDependenciesArePulledInTransitivelyWithTheirChain() {
        repo.file("compute.yml", "- hosts: Compute\n  roles: [common]\n")
                .file("roles/common/meta/main.yml", "dependencies:\n  - role: repos\n")
                .file("roles/common/tasks/main.yml", "- debug: msg=common\n")
                .file("roles/repos/meta/main.yml", "dependencies: [gpg]\n")
                .file("roles/repos/tasks/main.yml", "- debug: msg=repos\n")
                .file("roles/gpg/meta/main.yml", "dependencies: [common]\n")
                .file("roles/gpg/files/RPM-GPG-KEY", "key\n");

        Closure closure = analyze("compute.yml", "Compute");

        assertEquals(Set.of("roles/common", "roles/repos", "roles/gpg"), closure.roles());
        assertEquals("role gpg used by compute.yml (via role common, role repos)",
                closure.inputs().get("roles/gpg/files/RPM-GPG-KEY").detail());
        assertEquals("role repos used by compute.yml (via role common)",
                closure.inputs().get("roles/repos/tasks/main.yml").detail());
    }

    @Test
    void includeRoleWithTasksFromAnalysesThatEntryAndKeepsAllBuildFiles() {
        repo.file("uan.yml", """
                - hosts: UAN
                  tasks:
                    - include_role:
                        name: lustre
                        tasks_from: client
                        defaults_from: client
                    - import_role: name=motd
                """)
                .file("roles/lustre/tasks/main.yml", "- debug: msg={{ lustre_server_only }}\n")
                .file("roles/lustre/tasks/client.yml", "- mount: path={{ lustre_mount }} src=mgs fstype=lustre state=mounted\n")
                .file("roles/lustre/defaults/main.yml", "lustre_server_default: 1\n")
                .file("roles/lustre/defaults/client.yml", "lustre_mount: /lus\n")
                .file("roles/motd/templates/motd.j2", "Welcome to {{ cluster_name }}\n");

        Closure closure = analyze("uan.yml", "UAN");

        assertEquals(Set.of("roles/lustre/tasks/main.yml", "roles/lustre/tasks/client.yml",
                "roles/lustre/defaults/main.yml", "roles/lustre/defaults/client.yml"), under(closure, "roles/lustre/"));
        Set<String> names = closure.variables().names();
        assertTrue(names.containsAll(Set.of("lustre_mount", "cluster_name")), names.toString());
        assertFalse(names.contains("lustre_server_only"), names.toString());
        assertEquals(Set.of("roles/lustre", "roles/motd"), closure.roles());
    }

    @Test
    void taskIncludesBlocksAndPlaySectionsAreFollowed() {
        repo.file("site.yml", """
                - hosts: all
                  pre_tasks:
                    - import_tasks: tasks/pre.yml
                  tasks:
                    - block:
                        - include_tasks: tasks/block.yml
                      rescue:
                        - include_tasks:
                            file: tasks/rescue.yml
                      always:
                        - include: tasks/legacy.yml some_var=1
                  post_tasks:
                    - ansible.builtin.import_tasks: tasks/post.yml
                  handlers:
                    - import_tasks: handlers/restart.yml
                """)
                .file("tasks/pre.yml", "- import_tasks: nested.yml\n")
                .file("tasks/nested.yml", "- debug: var=nested_var\n")
                .file("tasks/block.yml", "- debug: msg=b\n")
                .file("tasks/rescue.yml", "- debug: msg=r\n")
                .file("tasks/legacy.yml", "- debug: msg=l\n")
                .file("tasks/post.yml", "- debug: msg=p\n")
                .file("tasks/unused.yml", "- debug: msg=u\n")
                .file("handlers/restart.yml", "- service: name=x state=restarted\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "tasks/pre.yml", "tasks/nested.yml", "tasks/block.yml", "tasks/rescue.yml",
                "tasks/legacy.yml", "tasks/post.yml", "handlers/restart.yml"), paths(closure));
        assertEquals("import_tasks in tasks/pre.yml", closure.inputs().get("tasks/nested.yml").detail());
        assertTrue(closure.variables().names().contains("nested_var"));
    }

    @Test
    void varsFilesWithAlternativesAndIncludeVarsForms() {
        repo.file("site.yml", """
                - hosts: Compute
                  vars_files:
                    - vars/common.yml
                    - ["os/{{ ansible_os_family }}.yml", vars/default.yml, vars/never.yml]
                  tasks:
                    - include_vars: vars/free.yml
                    - include_vars:
                        file: vars/file.yml
                    - include_vars:
                        dir: vars/site.d
                    - include_vars: {dir: conf, extensions: [conf]}
                """)
                .file("vars/common.yml", "a: 1\n")
                .file("os/RedHat.yml", "b: 1\n")
                .file("os/Suse.yml", "c: 1\n")
                .file("vars/default.yml", "d: '{{ from_default }}'\n")
                .file("vars/never.yml", "e: '{{ from_never }}'\n")
                .file("vars/free.yml", "f: 1\n")
                .file("vars/file.yml", "g: 1\n")
                .file("vars/site.d/one.yml", "h: 1\n")
                .file("vars/site.d/sub/two.yml", "i: '{{ from_two }}'\n")
                .file("conf/x.conf", "j: '{{ from_conf }}'\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "vars/common.yml", "os/RedHat.yml", "os/Suse.yml", "vars/default.yml",
                "vars/free.yml", "vars/file.yml", "vars/site.d/one.yml", "vars/site.d/sub/two.yml", "conf/x.conf"),
                paths(closure));
        Set<String> names = closure.variables().names();
        assertTrue(names.containsAll(Set.of("from_default", "from_two", "from_conf", "ansible_os_family")), names.toString());
        assertFalse(names.contains("from_never"));
        assertEquals(List.of("os/*.yml"), closure.wildcards().stream().map(Wildcard::glob).toList());
        assertEquals("may be read by the dynamic vars_files in site.yml", closure.inputs().get("os/Suse.yml").detail());
    }

    @Test
    void moduleSourcesAreSearchedInTheRoleThenThePlaybookDirectory() {
        repo.file("site.yml", """
                - hosts: Compute
                  roles: [ssh]
                  tasks:
                    - template: src=issue.j2 dest=/etc/issue
                """)
                .file("roles/ssh/tasks/main.yml", """
                        - template:
                            src: sshd_config.j2
                            dest: /etc/ssh/sshd_config
                        - ansible.builtin.template: src=banner.j2 dest=/etc/banner
                        - copy: src=known_hosts dest=/etc/ssh/ssh_known_hosts
                        - copy: {src: keys/, dest: /etc/ssh/keys/}
                        - script: scripts/rekey.sh --force
                        - unarchive: src=tools.tar.gz dest=/opt
                        - unarchive: src=/tmp/remote.tar.gz dest=/opt remote_src=yes
                        - copy: src=remote.conf dest=/etc/remote.conf remote_src=true
                        """)
                .file("roles/ssh/templates/sshd_config.j2", "Port {{ ssh_port }}\n")
                .file("templates/sshd_config.j2", "shadowed by the role's own\n")
                .file("templates/banner.j2", "{{ banner_text }}\n")
                .file("files/known_hosts", "host key\n")
                .file("roles/ssh/files/keys/a.pub", "a\n")
                .file("roles/ssh/files/keys/b.pub", "b\n")
                .file("roles/ssh/scripts/rekey.sh", "#!/bin/sh\n")
                .file("tools.tar.gz", "tgz")
                .file("files/remote.conf", "not read: remote_src\n")
                .file("templates/issue.j2", "{{ issue_text }}\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "roles/ssh/tasks/main.yml", "roles/ssh/templates/sshd_config.j2",
                "roles/ssh/files/keys/a.pub", "roles/ssh/files/keys/b.pub", "roles/ssh/scripts/rekey.sh",
                "templates/banner.j2", "files/known_hosts", "tools.tar.gz", "templates/issue.j2"), paths(closure));
        assertEquals("template in roles/ssh/tasks/main.yml; role ssh used by site.yml",
                closure.inputs().get("templates/banner.j2").detail());
        assertEquals("script in roles/ssh/tasks/main.yml; role ssh used by site.yml",
                closure.inputs().get("roles/ssh/scripts/rekey.sh").detail());
        assertTrue(closure.variables().names().containsAll(Set.of("ssh_port", "banner_text", "issue_text")));
    }

    @Test
    void aTemplateOfAParentRoleIsFoundThroughTheDependencyChain() {
        repo.file("site.yml", "- hosts: all\n  roles: [web]\n")
                .file("roles/web/meta/main.yml", "dependencies: [vhost]\n")
                .file("roles/web/templates/vhost.conf.j2", "{{ server_name }}\n")
                .file("roles/vhost/tasks/main.yml", "- template: src=vhost.conf.j2 dest=/etc/httpd/conf.d/site.conf\n")
                .file("roles/other/meta/main.yml", "dependencies: [vhost]\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "roles/web/meta/main.yml", "roles/web/templates/vhost.conf.j2",
                "roles/vhost/tasks/main.yml"), paths(closure));
        assertTrue(closure.variables().names().contains("server_name"));
    }

    @Test
    void lookupsAndFileLoopsPullInTheirFiles() {
        repo.file("site.yml", """
                - hosts: Compute
                  roles: [users]
                """)
                .file("roles/users/tasks/main.yml", """
                        - authorized_key:
                            user: root
                            key: "{{ lookup('file', 'keys/root.pub') }}"
                        - copy: src={{ item }} dest=/etc/sudoers.d/
                          with_fileglob:
                            - sudoers/*
                        - debug: msg={{ item }}
                          with_file: [motd.txt]
                        - copy: content="{{ lookup('template', 'limits.conf.j2') }}" dest=/etc/security/limits.conf
                        - template: src={{ item }} dest=/etc/profile.d/
                          loop: "{{ query('fileglob', 'templates/profile/*.sh.j2') }}"
                        - include_vars: "{{ item }}"
                          with_first_found:
                            - "{{ ansible_distribution }}.yml"
                            - default.yml
                        """)
                .file("roles/users/files/keys/root.pub", "ssh-ed25519 AAAA\n")
                .file("files/sudoers/admins", "%admins ALL=(ALL) ALL\n")
                .file("files/sudoers/ops", "%ops ALL=(ALL) ALL\n")
                .file("motd.txt", "hello\n")
                .file("roles/users/templates/limits.conf.j2", "* soft nofile {{ nofile }}\n")
                .file("roles/users/templates/profile/env.sh.j2", "export A={{ profile_a }}\n")
                .file("roles/users/vars/Rocky.yml", "x: '{{ rocky_only }}'\n")
                .file("roles/users/vars/default.yml", "x: 1\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "roles/users/tasks/main.yml", "roles/users/files/keys/root.pub",
                "files/sudoers/admins", "files/sudoers/ops", "motd.txt", "roles/users/templates/limits.conf.j2",
                "roles/users/templates/profile/env.sh.j2", "roles/users/vars/Rocky.yml", "roles/users/vars/default.yml"),
                paths(closure));
        assertTrue(closure.variables().names().containsAll(Set.of("nofile", "profile_a", "rocky_only")),
                closure.variables().names().toString());
        assertTrue(closure.wildcards().stream().anyMatch(w -> w.glob().equals("files/sudoers/*")));
    }

    @Test
    void groupVarsOfVisibleGroupsHostVarsAndPluginFoldersBesideThePlaybook() {
        repo.file("site.yml", "- hosts: Compute\n  tasks: [{debug: msg=hi}]\n")
                .file("group_vars/all.yml", "ntp: '{{ ntp_server }}'\n")
                .file("group_vars/Compute/main.yml", "a: 1\n")
                .file("group_vars/Compute/.hidden.yml", "b: 1\n")
                .file("group_vars/cluster", "c: 1\n")
                .file("group_vars/UAN.yml", "d: 1\n")
                .file("group_vars/Compute_extra.yml", "e: 1\n")
                .file("host_vars/nid001.yml", "f: 1\n")
                .file("host_vars/uan01.yml", "g: 1\n")
                .file("library/site_module.py", "# module\n")
                .file("filter_plugins/net.py", "# filters\n")
                .file("docs/index.md", "not read\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "group_vars/all.yml", "group_vars/Compute/main.yml", "group_vars/cluster",
                "host_vars/nid001.yml", "library/site_module.py", "filter_plugins/net.py"), paths(closure));
        assertEquals("group_vars of group Compute beside site.yml",
                closure.inputs().get("group_vars/Compute/main.yml").detail());
        assertTrue(closure.variables().names().contains("ntp_server"));
    }

    @Test
    void aDynamicIncludePullsInEveryFileItCouldMatch() {
        repo.file("site.yml", """
                - hosts: Compute
                  tasks:
                    - include_tasks: "site/{{ site_name }}.yml"
                """)
                .file("site/alpha.yml", "- include_role: name=alpha_extra\n")
                .file("site/beta.yml", "- debug: msg={{ beta_var }}\n")
                .file("site/nested/gamma.yml", "- debug: msg=gamma\n")
                .file("site/readme.txt", "not matched\n")
                .file("roles/alpha_extra/tasks/main.yml", "- debug: msg=x\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(List.of(new Wildcard("site/*.yml", "file", "dynamic include_tasks in site.yml 'site/{{ site_name }}.yml'")),
                closure.wildcards());
        assertEquals(Set.of("site.yml", "site/alpha.yml", "site/beta.yml", "site/nested/gamma.yml",
                "roles/alpha_extra/tasks/main.yml"), paths(closure));
        assertTrue(closure.variables().names().containsAll(Set.of("site_name", "beta_var")));
        assertTrue(closure.wildcards().get(0).matches("site/new/added.yml"));
        assertFalse(closure.wildcards().get(0).matches("other/site/x.yml"));
        assertTrue(closure.uncertainties().isEmpty());
    }

    @Test
    void aFullyDynamicIncludeInARoleMatchesEverythingInTheRole() {
        repo.file("playbooks/site.yml", "- hosts: Compute\n  roles: [dyn]\n")
                .file("roles/dyn/tasks/main.yml", "- include_tasks: \"{{ task_file }}\"\n")
                .file("roles/dyn/tasks/a.yml", "- debug: msg={{ a_var }}\n")
                .file("roles/dyn/extra/b.yml", "- debug: msg={{ b_var }}\n")
                .file("playbooks/extra.yml", "- debug: msg={{ extra_var }}\n");

        Closure closure = analyze("playbooks/site.yml", "Compute");

        assertEquals(List.of("roles/dyn/tasks/*", "roles/dyn/*"), closure.wildcards().stream().map(Wildcard::glob).toList());
        assertTrue(paths(closure).containsAll(Set.of("roles/dyn/tasks/a.yml", "roles/dyn/extra/b.yml")));
        assertFalse(paths(closure).contains("playbooks/extra.yml"));
        assertTrue(closure.variables().names().containsAll(Set.of("a_var", "b_var")));
    }

    @Test
    void aDynamicPathMatchingNothingInTheRoleIsSearchedBesideThePlaybookAndFromTheRoot() {
        repo.file("playbooks/site.yml", "- hosts: Compute\n  roles: [dyn]\n")
                .file("roles/dyn/tasks/main.yml", "- include_vars: \"{{ site_dir }}/site.yml\"\n")
                .file("playbooks/vars/site.yml", "a: '{{ a_var }}'\n")
                .file("config/clusterA/site.yml", "z: '{{ z_var }}'\n");

        Closure closure = analyze("playbooks/site.yml", "Compute");

        assertEquals(List.of("roles/dyn/vars/*/site.yml", "roles/dyn/*/site.yml", "roles/dyn/tasks/vars/*/site.yml",
                "roles/dyn/tasks/*/site.yml", "playbooks/vars/*/site.yml", "playbooks/*/site.yml", "*/site.yml"),
                closure.wildcards().stream().map(Wildcard::glob).toList());
        assertTrue(paths(closure).containsAll(Set.of("playbooks/vars/site.yml", "config/clusterA/site.yml")));
        assertTrue(closure.variables().names().containsAll(Set.of("a_var", "z_var")));
    }

    @Test
    void aDynamicIncludeMatchingNoFileIsAnUncertainty() {
        repo.file("site.yml", "- hosts: Compute\n  tasks:\n    - include_tasks: \"/opt/{{ x }}/t.yml\"\n"
                + "    - import_tasks: \"{{ nowhere }}/t.yml\"\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(List.of(
                new Uncertainty("site.yml", "include_tasks '/opt/{{ x }}/t.yml' lies outside the repository"),
                new Uncertainty("site.yml", "import_tasks '{{ nowhere }}/t.yml' matches no file in the repository")),
                closure.uncertainties());
    }

    @Test
    void unparseableAndVaultEncryptedFilesAreInputsAndUncertainties() {
        repo.file("site.yml", """
                - hosts: Compute
                  vars_files: [secrets.yml]
                  roles: [broken]
                """)
                .file("secrets.yml", "$ANSIBLE_VAULT;1.1;AES256\n6162636465\n")
                .file("roles/broken/tasks/main.yml", "- name: bad\n  debug: {msg: [unclosed\n")
                .bytes("roles/broken/templates/logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, '{', '{'})
                .file("roles/broken/defaults/main.yml", "inline: !vault |\n  $ANSIBLE_VAULT;1.1;AES256\n  3132\nother: '{{ x }}'\n");

        Closure closure = analyze("site.yml", "Compute");

        assertTrue(paths(closure).containsAll(Set.of("secrets.yml", "roles/broken/tasks/main.yml",
                "roles/broken/templates/logo.png")));
        assertEquals(List.of("secrets.yml", "roles/broken/tasks/main.yml"),
                closure.uncertainties().stream().map(Uncertainty::path).toList());
        assertTrue(closure.uncertainties().get(0).detail().startsWith("vault-encrypted"));
        assertTrue(closure.uncertainties().get(1).detail().contains("not valid YAML"), closure.uncertainties().get(1).detail());
        assertTrue(closure.uncertainties().get(1).detail().endsWith("; role broken used by site.yml"));
        assertTrue(closure.variables().names().contains("x"), "an inline !vault value does not stop the file's analysis");
    }

    @Test
    void anUnparseablePlaybookIsAnUncertainty() {
        repo.file("site.yml", "- hosts: [Compute\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml"), paths(closure));
        assertEquals("site.yml", closure.uncertainties().get(0).path());
    }

    @Test
    void rolesAndCollectionsFromOutsideTheRepositoryAreExternal() {
        repo.file("site.yml", """
                - hosts: Compute
                  collections: [ansible.posix]
                  roles:
                    - geerlingguy.java
                    - site.hpc.lmod
                  tasks:
                    - community.general.modprobe: name=lnet
                    - ansible.builtin.debug: msg=builtin is not external
                    - ansible.posix.mount: path=/scratch src=nfs:/scratch fstype=nfs state=mounted
                """)
                .file("requirements.yml", """
                        roles:
                          - {name: geerlingguy.java, version: 2.3.1}
                        collections:
                          - {name: site.hpc, version: 1.4.0}
                        """)
                .file("collections/ansible_collections/site/hpc/galaxy.yml", "namespace: site\nname: hpc\n")
                .file("collections/ansible_collections/site/hpc/roles/lmod/tasks/main.yml", "- debug: msg={{ lmod_root }}\n")
                .file("collections/ansible_collections/site/hpc/roles/lmod/README.md", "doc\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(List.of(
                "ROLE geerlingguy.java false",
                "COLLECTION ansible.posix false",
                "COLLECTION community.general false",
                "COLLECTION site.hpc true"),
                closure.externals().stream().map(e -> e.kind() + " " + e.name() + " " + e.sourcesAvailable()).toList());
        assertEquals(Set.of("collections/ansible_collections/site/hpc/roles/lmod"), closure.roles());
        assertTrue(paths(closure).contains("collections/ansible_collections/site/hpc/roles/lmod/tasks/main.yml"));
        assertFalse(paths(closure).contains("collections/ansible_collections/site/hpc/roles/lmod/README.md"));
        assertTrue(closure.variables().names().contains("lmod_root"));
    }

    @Test
    void aRequirementsRoleInstalledInTheTreeIsAnalysedAndStillExternal() {
        repo.file("ansible.cfg", "[defaults]\nroles_path = galaxy_roles:roles\n")
                .file("site.yml", "- hosts: all\n  roles: [geerlingguy.ntp, ntp]\n")
                .file("requirements.yml", "- src: geerlingguy.ntp\n  version: 1.0.0\n")
                .file("galaxy_roles/geerlingguy.ntp/tasks/main.yml", "- debug: msg={{ ntp_servers }}\n")
                .file("galaxy_roles/ntp/tasks/main.yml", "- debug: msg=shadowed by roles/ beside the playbook\n")
                .file("roles/ntp/tasks/main.yml", "- debug: msg=first\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(List.of(new ExternalDependency("geerlingguy.ntp", ExternalDependency.Kind.ROLE, true,
                "role geerlingguy.ntp used by site.yml")), closure.externals());
        assertEquals(Set.of("galaxy_roles/geerlingguy.ntp", "roles/ntp"), closure.roles());
        assertEquals("file", closure.inputs().get("ansible.cfg").kind());
        assertTrue(closure.variables().names().contains("ntp_servers"));
    }

    @Test
    void variablesComeFromTasksConditionsLoopsTemplatesDefaultsAndVarsFiles() {
        repo.file("site.yml", """
                - hosts: Compute
                  vars:
                    play_var: "{{ from_play_vars }}"
                  roles: [nfs]
                """)
                .file("roles/nfs/defaults/main.yml", "nfs_export: \"{{ nfs_root }}/export\"\n")
                .file("roles/nfs/vars/main.yml", "nfs_pkg: nfs-utils\n")
                .file("roles/nfs/tasks/main.yml", """
                        - package: name={{ nfs_pkg }}
                          when: enable_nfs and ansible_os_family == 'RedHat'
                        - command: exportfs -ra
                          changed_when: false
                          failed_when: export_result.rc != 0 and not tolerate_errors
                          register: export_result
                        - mount: path={{ item.path }} src={{ item.src }} fstype=nfs state=mounted
                          loop: "{{ nfs_mounts }}"
                        - package: name={{ item }}
                          with_items: extra_nfs_packages
                        - assert:
                            that: [nfs_version | int >= 4]
                        - wait_for: port=2049
                          until: nfs_ready
                        - template: src=exports.j2 dest=/etc/exports
                        """)
                .file("roles/nfs/templates/exports.j2", """
                        {% for client in nfs_clients %}
                        {{ nfs_export }} {{ client }}({{ export_options | default('rw') }})
                        {% endfor %}
                        """);

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(new TreeSet<>(Set.of("from_play_vars", "nfs_root", "nfs_pkg", "enable_nfs", "ansible_os_family",
                "export_result", "tolerate_errors", "nfs_mounts", "extra_nfs_packages", "nfs_version", "nfs_ready",
                "nfs_clients", "nfs_export", "export_options")), closure.variables().names());
        assertFalse(closure.variables().dynamic());
        assertFalse(closure.variables().hostFacts());
    }

    @Test
    void aMissingPlaybookHasAnEmptyClosure() {
        repo.file("other.yml", "- hosts: all\n");

        assertEquals(Closure.EMPTY, analyze("site.yml", "Compute"));
    }

    @Test
    void includeAndRoleCyclesTerminate() {
        repo.file("site.yml", """
                - import_playbook: site.yml
                - hosts: all
                  roles: [a]
                  tasks:
                    - import_tasks: tasks/one.yml
                """)
                .file("tasks/one.yml", "- import_tasks: two.yml\n")
                .file("tasks/two.yml", "- import_tasks: one.yml\n")
                .file("roles/a/meta/main.yml", "dependencies: [b]\n")
                .file("roles/b/meta/main.yml", "dependencies: [a]\n")
                .file("roles/b/tasks/main.yml", "- include_role: name=a\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "tasks/one.yml", "tasks/two.yml", "roles/a/meta/main.yml",
                "roles/b/meta/main.yml", "roles/b/tasks/main.yml"), paths(closure));
        assertEquals(Set.of("roles/a", "roles/b"), closure.roles());
    }

    @Test
    void literalLoopItemsNameTheFilesOfATemplatedPath() {
        repo.file("site.yml", """
                - hosts: Compute
                  tasks:
                    - template: src="{{ item.src }}" dest=/etc/{{ item.dest }}
                      loop:
                        - {src: slurm.conf.j2, dest: slurm/slurm.conf}
                        - {src: gres.conf.j2, dest: slurm/gres.conf}
                    - include_tasks: "{{ part }}.yml"
                      loop_control: {loop_var: part}
                      loop: [install, configure]
                """)
                .file("templates/slurm.conf.j2", "{{ slurm_cluster }}\n")
                .file("templates/gres.conf.j2", "{{ gres }}\n")
                .file("templates/unused.j2", "{{ unused }}\n")
                .file("install.yml", "- debug: msg=i\n")
                .file("configure.yml", "- debug: msg=c\n")
                .file("other.yml", "- debug: msg=o\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("site.yml", "templates/slurm.conf.j2", "templates/gres.conf.j2", "install.yml",
                "configure.yml"), paths(closure));
        assertTrue(closure.wildcards().isEmpty());
    }

    @Test
    void theCacheIsSharedByBothRevisionsWithoutMixingThem(@TempDir Path headDir) {
        repo.file("site.yml", "- hosts: Compute\n  roles: [base]\n")
                .file("roles/base/tasks/main.yml", "- debug: msg={{ old_var }}\n");
        SourceTree base = repo.tree();
        new RepoFixture(headDir)
                .file("site.yml", "- hosts: Compute\n  roles: [base]\n")
                .file("roles/base/tasks/main.yml", "- import_tasks: extra.yml\n")
                .file("roles/base/tasks/extra.yml", "- debug: msg={{ new_var }}\n");
        SourceTree head = io.strata.engine.source.DirectorySourceTree.of(headDir);
        AnalysisCache cache = new AnalysisCache();
        AnalysisTarget target = new AnalysisTarget(inventory.visible("Compute"), inventory);

        Closure before = new PlaybookAnalyzer(base, cache).analyze("site.yml", target);
        Closure after = new PlaybookAnalyzer(head, cache).analyze("site.yml", target);

        assertEquals(Set.of("old_var"), before.variables().names());
        assertEquals(Set.of("new_var"), after.variables().names());
        assertEquals(Set.of("site.yml", "roles/base/tasks/main.yml", "roles/base/tasks/extra.yml"), paths(after));
        assertEquals(before, new PlaybookAnalyzer(base, cache).analyze("site.yml", target));
    }

    @Test
    void analysesFromSeveralThreadsAgreeWithASingleThread() throws Exception {
        repo.file("site.yml", "- hosts: Compute\n  roles: [r0, r1, r2, r3]\n- hosts: UAN\n  roles: [r4]\n");
        for (int i = 0; i < 5; i++) {
            repo.file("roles/r" + i + "/meta/main.yml", "dependencies: [r" + ((i + 1) % 5) + "]\n")
                    .file("roles/r" + i + "/tasks/main.yml", "- template: src=t.j2 dest=/t" + i + "\n")
                    .file("roles/r" + i + "/templates/t.j2", "{{ v" + i + " }}\n");
        }
        SourceTree tree = repo.tree();
        AnalysisTarget compute = new AnalysisTarget(inventory.visible("Compute"), inventory);
        AnalysisTarget uan = new AnalysisTarget(inventory.visible("UAN"), inventory);
        Closure expectedCompute = new PlaybookAnalyzer(tree, new AnalysisCache()).analyze("site.yml", compute);
        Closure expectedUan = new PlaybookAnalyzer(tree, new AnalysisCache()).analyze("site.yml", uan);
        PlaybookAnalyzer shared = new PlaybookAnalyzer(tree, new AnalysisCache());

        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
        try {
            List<java.util.concurrent.Future<Boolean>> results = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                boolean even = i % 2 == 0;
                results.add(pool.submit(() -> even
                        ? shared.analyze("site.yml", compute).equals(expectedCompute)
                        : shared.analyze("site.yml", uan).equals(expectedUan)));
            }
            for (java.util.concurrent.Future<Boolean> result : results) {
                assertTrue(result.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(5, expectedCompute.roles().size());
        assertEquals(Set.of("v0", "v1", "v2", "v3", "v4"), expectedCompute.variables().names());
    }

    @Test
    void playsApplyByTheirHostPatterns() {
        repo.file("site.yml", """
                - hosts: cluster:&Compute
                  roles: [both]
                - hosts: cluster:!Compute
                  roles: [not_compute]
                - hosts: "Comp*"
                  roles: [glob]
                - hosts: [UAN, login]
                  roles: [listed]
                - hosts: "{{ target }}"
                  roles: [templated]
                - hosts: os_RedHat
                  roles: [runtime_group]
                - hosts: all
                  tasks:
                    - group_by: key=os_{{ ansible_os_family }}
                - hosts: os_RedHat
                  roles: [after_group_by]
                """);
        for (String role : List.of("both", "not_compute", "glob", "listed", "templated", "runtime_group", "after_group_by")) {
            repo.file("roles/" + role + "/tasks/main.yml", "- debug: msg=" + role + "\n");
        }

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("roles/both", "roles/glob", "roles/templated", "roles/after_group_by"), closure.roles());
    }

    @Test
    void aPlayOfAnImportedPlaybookFindsRolesBesideThatPlaybookFirst() {
        repo.file("site.yml", "- import_playbook: layers/slurm.yml\n")
                .file("layers/slurm.yml", """
                        - hosts: Compute
                          roles: [slurm]
                          tasks:
                            - include_role: {name: slurm, vars_from: compute, handlers_from: compute}
                        """)
                .file("layers/roles/slurm/tasks/main.yml", "- debug: msg=layer\n")
                .file("layers/roles/slurm/vars/compute.yml", "slurm_role: '{{ compute_role }}'\n")
                .file("layers/roles/slurm/handlers/compute.yml", "- name: restart\n  service: name={{ compute_service }}\n")
                .file("roles/slurm/tasks/main.yml", "- debug: msg=top\n");

        Closure closure = analyze("site.yml", "Compute");

        assertEquals(Set.of("layers/roles/slurm"), closure.roles());
        assertEquals("role slurm used by layers/slurm.yml",
                closure.inputs().get("layers/roles/slurm/tasks/main.yml").detail());
        assertTrue(closure.variables().names().containsAll(Set.of("compute_role", "compute_service")));
    }
}
