package io.strata.engine.jinja;

import java.util.List;

/**
 * One {@code lookup()}, {@code query()} or {@code q()} call.
 *
 * @param plugin the lookup plugin's short name ({@code ansible.builtin.} stripped), or a glob
 *     when the name is computed
 * @param arguments the positional arguments after the plugin name, each as a glob: a literal
 *     string as is, the computed parts of a concatenation as {@code *}, a wholly computed
 *     argument as {@code *}
 */
public record LookupCall(String plugin, List<String> arguments) {

    /**
     * The plugin name of a template that {@code {% include %}}, {@code {% import %}},
     * {@code {% from ... import %}} or {@code {% extends %}} pulls in: read like
     * {@code lookup('template')}, from Ansible's template search path. No lookup plugin can have
     * this name (it is no Python identifier).
     */
    public static final String JINJA_INCLUDE = "jinja-include";

    /** Keeps an immutable copy of the arguments. */
    public LookupCall {
        arguments = List.copyOf(arguments);
    }
}
