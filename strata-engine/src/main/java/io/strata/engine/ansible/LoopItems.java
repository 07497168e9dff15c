package io.strata.engine.ansible;

import io.strata.engine.jinja.JinjaReferences;
import io.strata.engine.jinja.LookupCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a task's loop ({@code loop:}, {@code with_*:}) gives its loop variable, as far as it can
 * be known without running it: literal items, or the lookups that produce the items.
 */
final class LoopItems {

    private static final Set<String> ITEM_LOOPS = Set.of("loop", "with_items", "with_list", "with_flattened");
    private static final Set<String> FILE_LOOKUPS = Set.of("file", "template", "fileglob", "first_found", "unvault");
    private static final Set<String> PATH_LOOKUPS = Set.of("fileglob", "first_found");

    private final String variable;
    private final List<Object> items;
    private final List<LookupCall> lookups;
    private boolean consumed;
    private Pattern reference;

    private LoopItems(String variable, List<Object> items, List<LookupCall> lookups) {
        this.variable = variable;
        this.items = items;
        this.lookups = lookups;
    }

    /** The loop of a task; without one, the loop variable stands for nothing known. */
    static LoopItems of(Map<?, ?> task) {
        String variable = "item";
        if (task.get("loop_control") instanceof Map<?, ?> control && control.get("loop_var") instanceof String name) {
            variable = name;
        }
        List<Object> items = null;
        List<LookupCall> lookups = new ArrayList<>();
        for (Map.Entry<?, ?> entry : task.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (!key.equals("loop") && !key.startsWith("with_")) {
                continue;
            }
            if (ITEM_LOOPS.contains(key) && value instanceof List<?> list) {
                items = new ArrayList<>();
                flatten(list, items, key.equals("with_items") || key.equals("with_flattened"));
            }
            templated(value, lookups);
            String plugin = key.startsWith("with_") ? key.substring(5) : "";
            if (FILE_LOOKUPS.contains(plugin)) {
                lookups.add(new LookupCall(plugin, arguments(plugin, value)));
            }
        }
        return new LoopItems(variable, items, lookups);
    }

    /** The lookups of the loop: {@code with_<lookup>} and those in its templated values, in order. */
    List<LookupCall> lookups() {
        return lookups;
    }

    /** Whether the loop's items are paths found by a fileglob or first_found lookup. */
    boolean yieldsPaths() {
        return lookups.stream().anyMatch(call -> PATH_LOOKUPS.contains(call.plugin()));
    }

    /** Whether a text is exactly the loop variable, {@code {{ item }}}. */
    boolean isLoopVariable(String text) {
        if (!text.contains(variable)) {
            return false;
        }
        Matcher matcher = reference().matcher(text.strip());
        return matcher.matches() && matcher.group(1) == null && matcher.group(2) == null;
    }

    /**
     * {@code {{ item }}}, {@code {{ item.key }}} or {@code {{ item['key'] }}} (the key in group 1
     * or 2), compiled the first time a text names the loop variable.
     */
    private Pattern reference() {
        if (reference == null) {
            reference = Pattern.compile("\\{\\{-?\\s*" + Pattern.quote(variable)
                    + "(?:\\.(\\w+)|\\[\\s*['\"]([^'\"]+)['\"]\\s*])?\\s*-?}}");
        }
        return reference;
    }

    /** Marks the loop's lookups as read through a module argument. */
    void consume() {
        consumed = true;
    }

    /** Whether the loop's lookups were read through a module argument. */
    boolean consumed() {
        return consumed;
    }

    /**
     * A text with each literal loop item put in place of {@code {{ item }}},
     * {@code {{ item.key }}} or {@code {{ item['key'] }}}; the text itself when the items are
     * not known or it does not use them.
     */
    List<String> substitute(String text) {
        if (items == null || !text.contains(variable)) {
            return List.of(text);
        }
        Pattern reference = reference();
        if (!reference.matcher(text).find()) {
            return List.of(text);
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            Matcher matcher = reference.matcher(text);
            StringBuilder result = new StringBuilder();
            while (matcher.find()) {
                String key = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
                Object value = key == null ? item : item instanceof Map<?, ?> map ? map.get(key) : null;
                String replacement = value == null || value instanceof Map || value instanceof Collection
                        ? matcher.group() : String.valueOf(value);
                matcher.appendReplacement(result, Matcher.quoteReplacement(replacement));
            }
            matcher.appendTail(result);
            if (!texts.contains(result.toString())) {
                texts.add(result.toString());
            }
        }
        return texts;
    }

    private static void flatten(List<?> list, List<Object> into, boolean oneLevel) {
        for (Object item : list) {
            if (oneLevel && item instanceof List<?> nested) {
                into.addAll(nested);
            } else {
                into.add(item);
            }
        }
    }

    private static void templated(Object value, List<LookupCall> lookups) {
        if (value instanceof String text) {
            if (JinjaReferences.isTemplated(text)) {
                lookups.addAll(JinjaReferences.lookups(text));
            }
        } else if (value instanceof Collection<?> items) {
            items.forEach(item -> templated(item, lookups));
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(item -> templated(item, lookups));
        }
    }

    /** The terms of a {@code with_<lookup>}: strings as written; first_found dictionaries expanded. */
    private static List<String> arguments(String plugin, Object value) {
        List<String> arguments = new ArrayList<>();
        for (Object term : value instanceof List<?> list ? list : List.of(value == null ? "" : value)) {
            if (term instanceof Map<?, ?> spec && plugin.equals("first_found")) {
                List<String> files = split(spec.get("files"), "[,;]");
                List<String> paths = split(spec.get("paths"), "[,:;]");
                for (String file : files) {
                    if (paths.isEmpty()) {
                        arguments.add(file);
                    }
                    paths.forEach(path -> arguments.add(path + "/" + file));
                }
            } else if (term instanceof String text) {
                arguments.add(text);
            } else {
                arguments.add("*");
            }
        }
        return arguments;
    }

    private static List<String> split(Object value, String separators) {
        List<String> parts = new ArrayList<>();
        for (Object item : value instanceof List<?> list ? list : value == null ? List.of() : List.of(value)) {
            for (String part : String.valueOf(item).split(separators)) {
                if (!part.isBlank()) {
                    parts.add(part.strip());
                }
            }
        }
        return parts;
    }
}
