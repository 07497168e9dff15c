package io.strata.engine.jinja;

import java.util.List;
import java.util.Set;

/**
 * What one Jinja expression reads, before template scoping is applied.
 *
 * @param identifiers the free identifiers as written, filter, test, keyword-argument and
 *     Jinjava-internal names left out; may name variables the template binds
 * @param indirectNames variable names read by literal name through {@code vars}
 * @param dynamic whether a variable is reached by a computed name
 * @param lookups the lookup calls
 */
record ParsedExpression(Set<String> identifiers, Set<String> indirectNames, boolean dynamic,
        List<LookupCall> lookups) {
}
