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

    /** Keeps an immutable copy of the arguments. */
    public LookupCall {
        arguments = List.copyOf(arguments);
    }
}
