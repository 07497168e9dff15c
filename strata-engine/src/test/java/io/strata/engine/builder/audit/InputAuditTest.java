package io.strata.engine.builder.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InputAuditTest {

    @TempDir
    Path dir;

    @Test
    void aSiteFileReadIsExplainedByTheNodesInputsOrTheInventoryAndAnythingElseOfTheSiteIsNot() throws Exception {
        Path site = Files.createDirectories(dir.resolve("site"));
        Path work = Files.createDirectories(dir.resolve("site/.work"));
        for (String file : List.of("slurm.yml", "roles/slurm/tasks/main.yml", "inventory/hosts.yml", "roles/slurm/templates/extra.j2",
                "inventory/group_vars/all.yml", ".work/tmp/ansible-local-1/x.py", ".work/inventory.yml")) {
            Files.createDirectories(site.resolve(file).getParent());
            Files.writeString(site.resolve(file), "x\n");
        }
        InputAudit audit = new InputAudit(site, Set.of("slurm.yml", "roles/slurm/tasks/main.yml"), site,
                Set.of("inventory/hosts.yml", "inventory/group_vars/all.yml"), List.of(work.resolve("tmp"), work.resolve("inventory.yml")));

        AuditReport report = audit.check(Set.of(site.resolve("slurm.yml"), site.resolve("roles/slurm/tasks/main.yml"),
                site.resolve("inventory/hosts.yml"), site.resolve("roles/slurm/templates/extra.j2"),
                site.resolve("inventory/group_vars/all.yml"), work.resolve("tmp/ansible-local-1/x.py"), work.resolve("inventory.yml"),
                Path.of("/usr/lib/python3/dist-packages/ansible/__init__.py"), Path.of("/etc/ansible/ansible.cfg")));

        assertEquals(Set.of("slurm.yml", "roles/slurm/tasks/main.yml", "inventory/hosts.yml", "inventory/group_vars/all.yml",
                "roles/slurm/templates/extra.j2"), report.read(), "the build's own files and what lies outside the site are left out");
        assertEquals(List.of("roles/slurm/templates/extra.j2"), report.unexplained());
        assertEquals("Ansible read 5 files of the site: 2 of the 2 files the analysis names, 2 of the 2 inventory files Strata parses;"
                + " 1 unexplained", report.summary());
    }

    @Test
    void anInventoryFileIsExplainedOnlyWhenStrataParsesIt() throws Exception {
        Path repo = dir.resolve("src");
        Path main = dir.resolve("main");
        for (Path file : List.of(repo.resolve("site.yml"), main.resolve("inv/hosts.yml"), main.resolve("inv/notes.ini"))) {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "x\n");
        }
        InputAudit audit = new InputAudit(repo, Set.of("site.yml"), main, Set.of("inv/hosts.yml"), List.of());

        AuditReport report = audit.check(Set.of(repo.resolve("site.yml"), main.resolve("inv/hosts.yml"), main.resolve("inv/notes.ini")));

        assertEquals(List.of("inv/notes.ini"), report.unexplained());
    }
}
