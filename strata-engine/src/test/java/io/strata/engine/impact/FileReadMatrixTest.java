package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way of issue #15's section 1 that Ansible reads a file of the site while it builds
 * {@code uan/uan}, each edited, renamed and deleted in a change, and, where the file is a
 * template, a variable used only inside it changed: each rebuilds the node, never nothing.
 */
class FileReadMatrixTest extends SeededSiteTest {

    private static final Map<String, Boolean> UAN = Map.of("uan/uan", true, "slurm/uan", false);

    /**
     * A construct: the tasks added to uan.yml, the file it reads (with its content), and the
     * variable used only inside that file (null when the file is not a template).
     */
    record Construct(String name, String tasks, String file, String content, String variable) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Construct> constructs() {
        return Stream.of(
                new Construct("lookup file", task("debug: {msg: \"{{ lookup('ansible.builtin.file', 'files/a.txt') }}\"}"),
                        "files/a.txt", "a\n", null),
                new Construct("lookup template", task("debug: {msg: \"{{ lookup('template', 'templates/t.j2') }}\"}"),
                        "templates/t.j2", "t {{ only_in_t }}\n", "only_in_t"),
                new Construct("with_fileglob", task("copy: {src: \"{{ item }}\", dest: /etc/profile.d/}\n      with_fileglob: ['files/glob/*.sh']"),
                        "files/glob/x.sh", "export X=1\n", null),
                new Construct("with_file", task("debug: {msg: \"{{ item }}\"}\n      with_file: [files/b.txt]"),
                        "files/b.txt", "b\n", null),
                new Construct("with_template", task("debug: {msg: \"{{ item }}\"}\n      with_template: [templates/w.j2]"),
                        "templates/w.j2", "w {{ only_in_w }}\n", "only_in_w"),
                new Construct("copy src searched in files/", task("copy: {src: c.conf, dest: /etc/c.conf}"),
                        "files/c.conf", "c=1\n", null),
                new Construct("template src searched in templates/", task("template: {src: s.j2, dest: /etc/s}"),
                        "templates/s.j2", "s {{ only_in_s }}\n", "only_in_s"),
                new Construct("script src", task("script: run.sh"), "files/run.sh", "#!/bin/sh\ntrue\n", null),
                new Construct("unarchive src", task("unarchive: {src: data.tar, dest: /opt}"), "files/data.tar", "tar bytes\n", null),
                new Construct("include_role with a templated name", task("include_role: {name: \"{{ 'to' ~ 'ols' }}\"}"),
                        "roles/tools/tasks/main.yml", "- ansible.builtin.debug: {msg: tools}\n", null),
                new Construct("Jinja include from a role template", task("include_role: {name: motd}"),
                        "roles/motd/templates/part.j2", "part {{ only_in_part }}\n", "only_in_part"),
                new Construct("Jinja import from a playbook template", task("template: {src: main.j2, dest: /etc/main}"),
                        "templates/macros.j2", "{% macro m() %}{{ only_in_macros }}{% endmacro %}\n", "only_in_macros"));
    }

    static Stream<Construct> templates() {
        return constructs().filter(construct -> construct.variable() != null);
    }

    private static String task(String action) {
        return "    - ansible.builtin." + action + "\n";
    }

    /** Commits uan.yml with the construct, the file it reads and what else it needs, as the new base. */
    private void setUp(Construct construct) {
        site.write("uan.yml", "- hosts: UAN\n  roles: [uan]\n  tasks:\n" + construct.tasks());
        site.write(construct.file(), construct.content());
        site.write("roles/motd/tasks/main.yml", "- ansible.builtin.template: {src: motd.j2, dest: /etc/motd}\n");
        site.write("roles/motd/templates/motd.j2", "{% include 'part.j2' %}\n");
        site.write("templates/main.j2", "{% import 'macros.j2' as x with context %}{{ x.m() }}\n");
        StringBuilder vars = new StringBuilder("uan_motd: Welcome\n");
        for (String variable : List.of("only_in_t", "only_in_w", "only_in_s", "only_in_part", "only_in_macros")) {
            vars.append(variable).append(": one\n");
        }
        site.write("cluster-inventory/group_vars/UAN.yml", vars.toString());
        base = site.commit("construct: " + construct.name());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void editingTheFileRebuildsTheNode(Construct construct) {
        setUp(construct);
        site.write(construct.file(), construct.content() + "# edited\n");
        ImpactResult result = after("edit");
        assertRebuild(result, UAN);
        assertTrue(SiteHistory.reasons(result, "uan/uan").stream().anyMatch(reason -> construct.file().equals(reason.file())),
                construct + ": " + SiteHistory.reasons(result, "uan/uan"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void renamingTheFileRebuildsTheNode(Construct construct) {
        setUp(construct);
        site.move(construct.file(), construct.file().replace(".", "-old."));
        assertRebuild(after("rename"), UAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("constructs")
    void deletingTheFileRebuildsTheNode(Construct construct) {
        setUp(construct);
        site.delete(construct.file());
        assertRebuild(after("delete"), UAN);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("templates")
    void changingAVariableUsedOnlyInsideTheFileRebuildsTheNode(Construct construct) {
        setUp(construct);
        site.edit("cluster-inventory/group_vars/UAN.yml", construct.variable() + ": one", construct.variable() + ": two");
        ImpactResult result = after("variable");
        assertRebuild(result, UAN);
        assertTrue(SiteHistory.reasons(result, "uan/uan").stream().anyMatch(reason -> reason.kind().equals("variable")),
                construct + ": " + SiteHistory.reasons(result, "uan/uan"));
    }
}
