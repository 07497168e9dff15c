package io.strata.engine.inventory;

import io.strata.engine.config.SourceLocation;
import io.strata.engine.jinja.VariableUse;

/**
 * One inventory variable as a file defines it.
 *
 * @param name the variable name
 * @param value the parsed YAML 1.1 value (maps, lists, strings, numbers, booleans, dates,
 *     {@code null}, {@link VaultValue})
 * @param location where the name is written
 * @param vault whether the value is an inline {@code !vault} value
 * @param uses the Jinja references in the value: {@code b: "{{ a }}"} uses {@code a}
 */
public record VariableDefinition(String name, Object value, SourceLocation location, boolean vault, VariableUse uses) {
}
