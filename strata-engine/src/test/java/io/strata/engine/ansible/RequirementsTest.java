package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RequirementsTest {

    @TempDir
    Path dir;

    @Test
    void readsTheListAndMappingFormsOfTheThreeFiles() {
        RepoFixture repo = new RepoFixture(dir)
                .file("requirements.yml", """
                        roles:
                          - name: geerlingguy.java
                            version: 2.3.1
                          - src: https://github.com/site/ansible-role-lustre.git
                            version: v1.2
                          - src: git+https://git.example.org/hpc/slurm.git,v23.02
                            name: slurm
                        collections:
                          - name: community.general
                            version: ">=8.0.0,<9"
                          - ansible.posix
                          - {name: site.hpc, version: 1.4.0, source: https://galaxy.example.org}
                        """)
                .file("roles/requirements.yml", """
                        - src: geerlingguy.ntp
                          version: 1.0.0
                        - geerlingguy.java,9.9.9
                        - src: geerlingguy.docker
                        - include: more.yml
                        """)
                .file("roles/more.yml", "- {src: site.extra, version: '3'}\n")
                .file("collections/requirements.yml", "collections:\n  - {name: ansible.posix, version: 1.5.4}\n");

        assertEquals(Map.of(
                "geerlingguy.java", "2.3.1",
                "ansible-role-lustre", "v1.2",
                "slurm", "v23.02",
                "community.general", ">=8.0.0,<9",
                "ansible.posix", "",
                "site.hpc", "1.4.0",
                "geerlingguy.ntp", "1.0.0",
                "geerlingguy.docker", "",
                "site.extra", "3"), Requirements.load(repo.tree()));
    }

    @Test
    void missingOrUnparseableFilesGiveNothing() {
        RepoFixture repo = new RepoFixture(dir).file("requirements.yml", "roles: [unclosed\n");

        assertEquals(Map.of(), Requirements.load(repo.tree()));
    }
}
