package io.strata.engine.jinja;

import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The variables and lookups that Ansible's Jinja texts read, found with Jinjava's parser: a
 * template or templated string, a bare expression ({@code when:}, {@code until:}, ...), or
 * parsed YAML data. Names the template binds, filter and test names and literals are left out;
 * text Jinjava cannot parse is read word by word, over-approximating.
 */
public final class JinjaReferences {

    private JinjaReferences() {
    }

    /** What a template text or Ansible string with {@code {{ }}}, {@code {% %}}, {@code {# #}} reads. */
    public static VariableUse inTemplate(String text) {
        if (!isTemplated(text)) {
            return VariableUse.NONE;
        }
        TemplateWalk walk = new TemplateWalk();
        walk.template(text);
        return walk.use();
    }

    /**
     * What a bare Jinja expression reads ({@code when:}, {@code failed_when:},
     * {@code changed_when:}, {@code until:}, {@code that:}, {@code with_items: pkgs}); an
     * expression written as a template ({@code "{{ pkgs }}"}) is read as one.
     */
    public static VariableUse inExpression(String expr) {
        if (isTemplated(expr)) {
            return inTemplate(expr);
        }
        TemplateWalk walk = new TemplateWalk();
        walk.expression(expr);
        return walk.use();
    }

    /** What parsed YAML data reads: every string in it, mapping keys included, read as a template. */
    public static VariableUse inValue(Object yamlValue) {
        TemplateWalk walk = new TemplateWalk();
        walkValue(yamlValue, walk);
        return walk.use();
    }

    /**
     * Whether a text may pull in another template ({@code {% include %}}, {@code import},
     * {@code from}, {@code extends}), which {@link #lookups} reports as {@link LookupCall#JINJA_INCLUDE}.
     */
    public static boolean mayInclude(String text) {
        return text.contains("{%") && (text.contains("include") || text.contains("import") || text.contains("extends"));
    }

    /**
     * The {@code lookup()}, {@code query()} and {@code q()} calls in a template text or a bare
     * expression, and the templates its tags pull in ({@link LookupCall#JINJA_INCLUDE}).
     */
    public static List<LookupCall> lookups(String text) {
        if (text.indexOf('(') < 0 && !mayInclude(text)) {
            return List.of();
        }
        TemplateWalk walk = new TemplateWalk();
        if (isTemplated(text)) {
            walk.template(text);
        } else {
            walk.expression(text);
        }
        return walk.lookups();
    }

    /**
     * Readies the parser by reading a sample template: Jinjava's configuration builds a Jackson
     * mapper, which costs a fresh JVM about a tenth of a second, so a caller with an idle thread
     * can pay that before its first template instead of during it.
     */
    public static void prepare() {
        inTemplate("{{ sample }}");
    }

    /** Whether a text contains a Jinja expression or statement ({@code {{} or {@code {%}). */
    public static boolean isTemplated(String text) {
        return text.contains("{{") || text.contains("{%");
    }

    /** A lookup plugin's short name: {@code ansible.builtin.file} is {@code file}. */
    static String shortPluginName(String plugin) {
        for (String prefix : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (plugin.startsWith(prefix)) {
                return plugin.substring(prefix.length());
            }
        }
        return plugin;
    }

    private static void walkValue(Object value, TemplateWalk walk) {
        if (value instanceof String text) {
            if (isTemplated(text)) {
                walk.template(text);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.forEach((key, item) -> {
                walkValue(key, walk);
                walkValue(item, walk);
            });
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> walkValue(item, walk));
        }
    }
}
