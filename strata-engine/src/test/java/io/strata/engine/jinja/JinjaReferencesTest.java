package io.strata.engine.jinja;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class JinjaReferencesTest {

    @Test
    void filterAndTestNamesAreNotVariables() {
        VariableUse use = JinjaReferences.inTemplate(
                "{{ pkgs | map(attribute='name') | join(',') }} {% if mounts is iterable and x is not none %}{% endif %}");
        assertEquals(Set.of("pkgs", "mounts", "x"), use.names());
        assertFalse(use.dynamic());
        assertFalse(use.hostFacts());
    }

    @Test
    void defaultFilterArgumentsAreRead() {
        assertEquals(Set.of("b", "c"), JinjaReferences.inTemplate("{{ b | default(c) }}").names());
    }

    @Test
    void loopTargetsAndSetNamesAreBoundInTheirScope() {
        String template = """
                {% for user, keys in ssh_users | dictsort if user != admin_user %}
                {{ user }}: {{ keys | join(' ') }} {{ loop.index }} {{ item }}
                {% set line = user ~ suffix %}{{ line }}
                {% endfor %}
                {{ user }}
                {% set total = count + 1 %}{{ total }}
                """;
        assertEquals(Set.of("ssh_users", "admin_user", "suffix", "user", "count"),
                JinjaReferences.inTemplate(template).names());
    }

    @Test
    void macroParametersAndNamespacesAreNotFreeVariables() {
        String template = """
                {% macro row(host, port=default_port) %}{{ host }}:{{ port }}{{ domain }}{% endmacro %}
                {% set ns = namespace(found=false) %}
                {% for h in nodes %}{% set ns.found = true %}{{ row(h) }}{% endfor %}
                {{ ns.found }}
                """;
        assertEquals(Set.of("default_port", "domain", "nodes"), JinjaReferences.inTemplate(template).names());
    }

    @Test
    void attributeAndSubscriptAccessReportTheFirstIdentifier() {
        VariableUse use = JinjaReferences.inTemplate(
                "{{ slurm.conf['partitions'][0].name }} {{ ansible_facts.default_ipv4.address }} {{ cfg[key].x }}");
        assertEquals(Set.of("slurm", "ansible_facts", "cfg", "key"), use.names());
    }

    @Test
    void definedTestReadsItsVariable() {
        assertEquals(Set.of("a"), JinjaReferences.inTemplate("{% if a is defined %}yes{% endif %}").names());
    }

    @Test
    void bareWhenExpression() {
        VariableUse use = JinjaReferences.inExpression("x == 'y' and z");
        assertEquals(Set.of("x", "z"), use.names());
        assertEquals(Set.of("pkgs"), JinjaReferences.inExpression("pkgs").names());
        assertEquals(Set.of("pkgs"), JinjaReferences.inExpression("{{ pkgs }}").names());
        assertEquals(Set.of("inventory_hostname", "compute_nodes"),
                JinjaReferences.inExpression("inventory_hostname in compute_nodes and true").names());
    }

    @Test
    void computedVariableNameIsDynamic() {
        VariableUse use = JinjaReferences.inTemplate("{{ vars['x_' ~ y] }}");
        assertTrue(use.dynamic());
        assertEquals(Set.of("y"), use.names());
        assertTrue(JinjaReferences.inExpression("lookup('ansible.builtin.vars', 'x_' + y)").dynamic());
        assertTrue(JinjaReferences.inExpression("query('varnames', '^slurm_')").dynamic());
        VariableUse literal = JinjaReferences.inExpression("vars.slurm_version");
        assertTrue(literal.dynamic());
        assertEquals(Set.of("slurm_version"), literal.names());
        assertFalse(JinjaReferences.inExpression("lookup('env', 'HOME')").dynamic());
    }

    @Test
    void otherHostsDataIsHostFacts() {
        VariableUse use = JinjaReferences.inTemplate("{{ hostvars[groups['Compute'][0]].ansible_host }}");
        assertTrue(use.hostFacts());
        assertEquals(Set.of("hostvars", "groups"), use.names());
        assertTrue(JinjaReferences.inExpression("inventory_hostname == ansible_play_hosts[0]").hostFacts());
        assertFalse(JinjaReferences.inExpression("inventory_hostname == 'a'").hostFacts());
    }

    @Test
    void lookupArgumentsAsGlobs() {
        List<LookupCall> calls = JinjaReferences.lookups(
                "{{ lookup('ansible.builtin.file', 'files/' ~ name ~ '.conf') }}"
                        + "{{ query('fileglob', 'templates/*.j2', wantlist=True) }}"
                        + "{{ q('template', src) }}{{ lookup('file', 'a' + b + c) }}");
        assertEquals(List.of(
                new LookupCall("file", List.of("files/*.conf")),
                new LookupCall("fileglob", List.of("templates/*.j2")),
                new LookupCall("template", List.of("*")),
                new LookupCall("file", List.of("a*"))), calls);
        assertEquals(List.of(new LookupCall("file", List.of("keys/id.pub"))),
                JinjaReferences.lookups("lookup('file', 'keys/id.pub')"));
    }

    @Test
    void unparseableTextFallsBackToEveryWord() {
        VariableUse use = JinjaReferences.inTemplate("{{ result.stdout_lines.0 | int + offset }}");
        assertTrue(use.names().containsAll(Set.of("result", "offset")));
        assertFalse(use.names().contains("int"));
        VariableUse broken = JinjaReferences.inTemplate("{{ (a + }} {% if b and %}{% endif %}");
        assertTrue(broken.names().containsAll(Set.of("a", "b")));
        assertTrue(JinjaReferences.inExpression("vars[ 'a' ~ ").dynamic());
        assertEquals(Set.of("unclosed"), JinjaReferences.inTemplate("text {{ unclosed }").names());
    }

    @Test
    void valuesAreWalkedKeysIncluded() {
        Object value = Map.of("{{ key_name }}", List.of("plain", "{{ a }}", 3), "b", Map.of("c", "{{ d | default('x') }}"));
        assertEquals(Set.of("key_name", "a", "d"), JinjaReferences.inValue(value).names());
        assertEquals(VariableUse.NONE, JinjaReferences.inValue(List.of("no", "templates", 1)));
    }

    @Test
    void commentsAndPlainTextReadNothing() {
        assertEquals(VariableUse.NONE, JinjaReferences.inTemplate("just text {# {{ secret }} #}"));
        assertFalse(JinjaReferences.isTemplated("{# note #}"));
        assertTrue(JinjaReferences.isTemplated("{% if x %}{% endif %}"));
    }

    @Test
    void unionOfUses() {
        VariableUse a = new VariableUse(Set.of("a"), false, true);
        VariableUse b = new VariableUse(Set.of("b"), true, false);
        assertEquals(new VariableUse(Set.of("a", "b"), true, true), a.plus(b));
        assertEquals(a, a.plus(VariableUse.NONE));
    }
}
