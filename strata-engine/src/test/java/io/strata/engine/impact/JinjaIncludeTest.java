package io.strata.engine.impact;

import static io.strata.engine.impact.SiteHistory.assertNothing;
import static io.strata.engine.impact.SiteHistory.assertRebuild;
import static io.strata.engine.impact.SiteHistory.reasons;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Templates that pull in other templates ({@code {% include %}}, {@code import}, {@code from},
 * {@code extends}): the pulled-in file and the variables used only inside it are inputs of the
 * nodes that render the template, found as Ansible's template search path finds them.
 */
class JinjaIncludeTest extends SeededSiteTest {

    private static final Map<String, Boolean> UAN = Map.of("uan/uan", true, "slurm/uan", false);

    /** uan.yml renders the playbook's templates/motd.j2, which pulls in the other templates. */
    @BeforeEach
    void motd() {
        site.write("uan.yml", """
                - hosts: UAN
                  roles: [uan]
                  tasks:
                    - ansible.builtin.template: {src: motd.j2, dest: /etc/motd}
                """);
        site.write("templates/motd.j2", """
                {% extends 'layout.j2' %}
                {% import 'macros.j2' as m %}
                {% from 'names.j2' import site_name %}
                {% block body %}{{ m.banner() }} {{ site_name() }}{% include 'partials/footer.j2' %}{% endblock %}
                """);
        site.write("templates/layout.j2", "{% block body %}{% endblock %}\n");
        site.write("templates/macros.j2", "{% macro banner() %}Welcome{% endmacro %}\n");
        site.write("templates/names.j2", "{% macro site_name() %}{{ cluster_name }}{% endmacro %}\n");
        site.write("templates/partials/footer.j2", "Support: {{ uan_support_mail }}\n");
        site.write("cluster-inventory/group_vars/UAN.yml", "uan_motd: Welcome\nuan_support_mail: hpc@example.org\n");
        base = site.commit("motd with included templates");
    }

    @Test
    void anEditOfAnyPulledInTemplateRebuildsTheNodesThatRenderIt() throws Exception {
        for (String file : new String[] {"templates/partials/footer.j2", "templates/layout.j2", "templates/macros.j2", "templates/names.j2"}) {
            site.write(file, "{# edited #}\n" + Files.readString(site.dir().resolve(file)));
            ImpactResult result = after("edit " + file);
            assertRebuild(result, UAN);
            assertTrue(reasons(result, "uan/uan").stream().anyMatch(reason -> reason.file().equals(file)),
                    file + ": " + reasons(result, "uan/uan"));
            base = site.commit("keep " + file);
        }
    }

    @Test
    void aVariableUsedOnlyInsideAPulledInTemplateIsRead() {
        site.edit("cluster-inventory/group_vars/UAN.yml", "hpc@example.org", "help@example.org");
        ImpactResult result = after("support address");
        assertRebuild(result, UAN);
        assertEquals("variable", reasons(result, "uan/uan").get(0).kind());
    }

    @Test
    void renamingOrDeletingAPulledInTemplateRebuilds() {
        site.move("templates/partials/footer.j2", "templates/partials/footer-old.j2");
        assertRebuild(after("rename the footer"), UAN);
        base = site.commit("renamed");
        site.delete("templates/macros.j2");
        assertRebuild(after("delete the macros"), UAN);
    }

    @Test
    void aComputedNameReadsEveryTemplateItCouldName() {
        site.edit("templates/motd.j2", "{% include 'partials/footer.j2' %}", "{% include 'partials/' ~ motd_kind ~ '.j2' %}");
        site.write("templates/partials/short.j2", "short\n");
        base = site.commit("computed include");
        site.edit("templates/partials/short.j2", "short", "brief");
        assertRebuild(after("edit one of the candidates"), UAN);
    }

    @Test
    void anIncludeFromATemplateInASubfolderCountsEveryFileOfTheSearchPathItCouldName() {
        // motd.j2 includes partials/card.j2, which includes 'footer.j2': Ansible looks it up in the search path of
        // the rendered template (templates/, the playbook's folder, motd.j2's folder), not in partials/.
        site.edit("templates/motd.j2", "{% include 'partials/footer.j2' %}", "{% include 'partials/card.j2' %}");
        site.write("templates/partials/card.j2", "{% include 'footer.j2' %}\n");
        site.write("templates/footer.j2", "Read by Ansible\n");
        base = site.commit("an include from a subfolder");
        site.edit("templates/footer.j2", "Read by", "Rendered by");
        assertRebuild(after("edit the footer Ansible reads"), UAN);
        base = site.commit("keep");
        site.edit("templates/partials/footer.j2", "Support", "Help");
        assertRebuild(after("edit the footer beside the including template"), UAN);
    }

    @Test
    void aTemplateNoNodeRendersRebuildsNothing() {
        site.write("templates/unused.j2", "{% include 'partials/footer.j2' %}\n");
        base = site.commit("an unused template");
        site.edit("templates/unused.j2", "{% include", "{# nothing #}{% include");
        assertNothing(after("edit the unused template"));
    }
}
