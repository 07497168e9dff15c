package io.strata.engine.ansible;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a playbook: its {@code import_playbook} entries and its plays, each play with its
 * {@code hosts:} pattern, its collections and what its task lists, roles, {@code vars_files} and
 * keywords read ({@link TaskReader}).
 */
final class PlayReader {

    private static final Set<String> PLAY_TASK_LISTS = Set.of("pre_tasks", "tasks", "post_tasks", "handlers");
    private static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "ansible.builtin.import_playbook",
            "ansible.legacy.import_playbook", "include");

    private PlayReader() {
    }

    /** A playbook: its imports and plays. */
    static PlaybookSummary playbook(ParsedFile file) {
        if (file.problem() != null) {
            return new PlaybookSummary(List.of(), file.problem());
        }
        if (file.data() == null) {
            return new PlaybookSummary(List.of(), null);
        }
        if (!(file.data() instanceof List<?> items)) {
            return new PlaybookSummary(List.of(), "not a list of plays");
        }
        List<PlaybookSummary.Entry> entries = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof Map<?, ?> map) {
                entries.add(playbookEntry(map));
            }
        }
        return new PlaybookSummary(entries, null);
    }

    private static PlaybookSummary.Entry playbookEntry(Map<?, ?> map) {
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            if (IMPORT_PLAYBOOK.contains(String.valueOf(entry.getKey())) && !map.containsKey("hosts")) {
                TaskReader reader = new TaskReader();
                map.forEach((key, value) -> {
                    if (key != entry.getKey()) {
                        reader.keyword(String.valueOf(key), value);
                    }
                });
                Object target = entry.getValue() instanceof String text
                        ? FreeFormArgs.parse(text).getOrDefault(FreeFormArgs.RAW, text) : entry.getValue();
                return new PlaybookSummary.Import(PathSpec.of(String.valueOf(target), false), reader.facts.variables.toUse());
            }
        }
        TaskReader reader = new TaskReader();
        List<String> playCollections = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (PLAY_TASK_LISTS.contains(key)) {
                reader.taskList(value);
            } else if (key.equals("roles")) {
                TaskReader.list(value).forEach(role -> reader.roleEntry(role, "roles", false));
            } else if (key.equals("vars_files")) {
                reader.varsFiles(value);
            } else {
                if (key.equals("collections")) {
                    TaskReader.list(value).forEach(c -> {
                        playCollections.add(String.valueOf(c));
                        reader.facts.collection(String.valueOf(c));
                    });
                }
                reader.keyword(key, value);
            }
        }
        return new PlaybookSummary.Play(hosts(map.get("hosts")), playCollections, reader.facts.summary(null));
    }

    private static String hosts(Object hosts) {
        if (hosts == null) {
            return null;
        }
        if (hosts instanceof Collection<?> items) {
            return String.join(",", items.stream().map(String::valueOf).toList());
        }
        return String.valueOf(hosts);
    }
}
