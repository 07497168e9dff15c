package io.strata.engine.ansible;

import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.ReadAs;
import io.strata.engine.ansible.Ref.RoleUse;
import io.strata.engine.jinja.JinjaReferences;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads what task lists, vars files, role metadata and templates refer to and which variables
 * they read, independently of where the file lies (the references are resolved later, against
 * the search directories of each use): tasks, blocks, keywords, loops and expressions here, what
 * modules and lookups read in {@link ModuleFileReader}; playbooks in {@link PlayReader}.
 */
final class TaskReader {

    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("when", "failed_when", "changed_when", "until");
    private static final Set<String> TASK_KEYWORDS = Set.of("action", "args", "async", "become", "become_exe",
            "become_flags", "become_method", "become_user", "changed_when", "check_mode", "collections", "connection",
            "debugger", "delay", "delegate_facts", "delegate_to", "diff", "environment", "failed_when",
            "ignore_errors", "ignore_unreachable", "local_action", "loop", "loop_control", "module_defaults", "name",
            "no_log", "notify", "poll", "port", "register", "remote_user", "retries", "run_once", "tags", "throttle",
            "timeout", "until", "vars", "when", "listen");
    private static final Set<String> BLOCK_KEYS = Set.of("block", "rescue", "always");
    /** Modules that run a command, which reads what it reads: on the controller, any file of the site. */
    private static final Set<String> COMMAND_MODULES = Set.of("command", "shell", "script", "raw");
    /** The names of the controller in {@code delegate_to}. */
    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "::1");
    /** Lookups whose arguments name files the controller reads. */
    private static final Set<String> FILE_LOOKUPS = Set.of("file", "template", "fileglob", "first_found", "unvault",
            "csvfile", "ini");

    final ContentFacts facts = new ContentFacts();
    private final ModuleFileReader files = new ModuleFileReader(facts);

    TaskReader() {
    }

    /** A task list (tasks or handlers file). */
    static ContentSummary tasks(ParsedFile file) {
        return read(file, TaskReader::taskList);
    }

    /** A vars file (vars_files, include_vars, role vars and defaults). */
    static ContentSummary vars(ParsedFile file) {
        return read(file, TaskReader::value);
    }

    /** A role's {@code meta/main.yml}: its dependencies and collections. */
    static ContentSummary meta(ParsedFile file) {
        return read(file, TaskReader::meta);
    }

    /** What a parsed file's data refers to and reads, as {@code body} reads it; an unreadable file's problem. */
    private static ContentSummary read(ParsedFile file, BiConsumer<TaskReader, Object> body) {
        if (file.problem() != null) {
            return ContentSummary.unreadable(file.problem());
        }
        TaskReader reader = new TaskReader();
        body.accept(reader, file.data());
        return reader.facts.summary(null);
    }

    private void meta(Object data) {
        if (data instanceof Map<?, ?> meta) {
            for (Object dependency : list(meta.get("dependencies"))) {
                roleEntry(dependency, "dependency", true);
            }
            for (Object collection : list(meta.get("collections"))) {
                facts.searchCollections.add(String.valueOf(collection));
                facts.collection(String.valueOf(collection));
            }
        }
    }

    /** A Jinja template: its variables and lookups. */
    static ContentSummary template(String text) {
        if (ParsedFile.isVault(text)) {
            return ContentSummary.unreadable("vault-encrypted: its content cannot be read");
        }
        TaskReader reader = new TaskReader();
        reader.facts.variables.add(JinjaReferences.inTemplate(text));
        reader.files.lookups(text);
        return reader.facts.summary(null);
    }

    void varsFiles(Object value) {
        for (Object entry : list(value)) {
            List<PathSpec> candidates = new ArrayList<>();
            for (Object alternative : entry instanceof List<?> alternatives ? alternatives : List.of(entry)) {
                candidates.add(PathSpec.of(String.valueOf(alternative), false));
                facts.variables.add(JinjaReferences.inValue(alternative));
            }
            facts.refs.add(new FileUse(null, candidates, ReadAs.VARS, "vars_files"));
        }
    }

    void roleEntry(Object entry, String keyword, boolean dependency) {
        Object name = entry;
        if (entry instanceof Map<?, ?> map) {
            name = map.containsKey("role") ? map.get("role") : map.containsKey("name") ? map.get("name") : map.get("src");
            map.forEach((key, value) -> {
                if (!List.of("role", "name", "src").contains(String.valueOf(key))) {
                    keyword(String.valueOf(key), value);
                }
            });
        }
        if (name != null) {
            facts.refs.add(new RoleUse(PathSpec.of(String.valueOf(name), false), RoleEntries.MAIN, keyword, dependency));
        }
    }

    void taskList(Object value) {
        for (Object item : list(value)) {
            if (item instanceof Map<?, ?> task) {
                task(task);
            }
        }
    }

    private void task(Map<?, ?> task) {
        if (task.keySet().stream().anyMatch(BLOCK_KEYS::contains)) {
            task.forEach((key, value) -> {
                if (BLOCK_KEYS.contains(String.valueOf(key))) {
                    taskList(value);
                } else {
                    keyword(String.valueOf(key), value);
                }
            });
            return;
        }
        LoopItems loop = LoopItems.of(task);
        Map<String, Object> actions = new LinkedHashMap<>();
        for (Map.Entry<?, ?> entry : task.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (key.equals("action") || key.equals("local_action")) {
                facts.variables.add(JinjaReferences.inValue(value));
                files.lookupsIn(value);
                actionKeyword(value, actions);
            } else if (key.equals("loop") || key.startsWith("with_")) {
                loopKeyword(key, value);
            } else if (TASK_KEYWORDS.contains(key)) {
                keyword(key, value);
            } else {
                actions.put(key, value);
            }
        }
        Map<String, Object> extra = task.get("args") instanceof Map<?, ?> args ? stringKeys(args) : Map.of();
        actions.forEach((module, args) -> action(module, args, extra, loop));
        if (task.containsKey("local_action") || LOCALHOST.contains(String.valueOf(task.get("delegate_to")).strip())) {
            actions.keySet().stream().map(this::moduleName).filter(COMMAND_MODULES::contains)
                    .forEach(module -> facts.controllerCommands.add(module + " delegated to the controller"));
        }
        if (!loop.consumed()) {
            loop.lookups().forEach(call -> files.lookup(call, null, null));
        }
    }

    private static void actionKeyword(Object value, Map<String, Object> actions) {
        if (value instanceof String text) {
            List<String> words = FreeFormArgs.words(text.strip());
            if (!words.isEmpty()) {
                actions.put(words.get(0), text.strip().substring(words.get(0).length()).strip());
            }
        } else if (value instanceof Map<?, ?> map && map.get("module") != null) {
            Map<String, Object> args = stringKeys(map);
            args.remove("module");
            actions.put(String.valueOf(map.get("module")), args);
        }
    }

    void keyword(String key, Object value) {
        if (EXPRESSION_KEYWORDS.contains(key)) {
            expressions(value);
        } else {
            facts.variables.add(JinjaReferences.inValue(value));
            files.lookupsIn(value);
        }
    }

    /** A loop's variables; its lookups are read with the task's modules ({@link LoopItems}). */
    private void loopKeyword(String key, Object value) {
        boolean fileLookup = key.startsWith("with_") && FILE_LOOKUPS.contains(key.substring(5));
        if (value instanceof String text && !JinjaReferences.isTemplated(text) && !fileLookup) {
            expressions(text);
        } else {
            facts.variables.add(JinjaReferences.inValue(value));
        }
    }

    private void expressions(Object value) {
        for (Object item : value instanceof List<?> items ? items : List.of(value == null ? "" : value)) {
            if (item instanceof String expression && !expression.isBlank()) {
                facts.variables.add(JinjaReferences.inExpression(expression));
                if (ModuleFileReader.mayLookup(expression)) {
                    JinjaReferences.lookups(expression).forEach(call -> files.lookup(call, null, null));
                }
            }
        }
    }

    private void action(String module, Object value, Map<String, Object> extra, LoopItems loop) {
        String name = moduleName(module);
        Map<String, Object> args = new LinkedHashMap<>(extra);
        if (value instanceof Map<?, ?> map) {
            args.putAll(stringKeys(map));
        } else if (value instanceof String text) {
            args.putAll(FreeFormArgs.parse(text));
        }
        actionVariables(name, value, args);
        files.moduleArguments(name, args, loop);
    }

    /** A module's short name; a fully qualified one outside ansible.builtin names its collection. */
    private String moduleName(String module) {
        for (String builtin : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (module.startsWith(builtin)) {
                return module.substring(builtin.length());
            }
        }
        if (module.chars().filter(c -> c == '.').count() >= 2) {
            facts.collection(module);
            return module.substring(module.lastIndexOf('.') + 1);
        }
        return module;
    }

    /** A module's variables: its arguments read as templates, those of assert's {@code that} and debug's {@code var} as expressions. */
    private void actionVariables(String name, Object value, Map<String, Object> args) {
        String bare = name.equals("assert") ? "that" : name.equals("debug") ? "var" : null;
        if (bare == null) {
            facts.variables.add(JinjaReferences.inValue(value));
            files.lookupsIn(value);
            return;
        }
        Map<String, Object> rest = value instanceof Map<?, ?> map ? stringKeys(map) : new LinkedHashMap<>(args);
        expressions(rest.remove(bare));
        facts.variables.add(JinjaReferences.inValue(rest));
        files.lookupsIn(rest);
    }

    private void value(Object data) {
        facts.variables.add(JinjaReferences.inValue(data));
        files.lookupsIn(data);
    }

    static List<?> list(Object value) {
        if (value == null) {
            return List.of();
        }
        return value instanceof List<?> items ? items : List.of(value);
    }

    private static Map<String, Object> stringKeys(Map<?, ?> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((key, value) -> copy.put(String.valueOf(key), value));
        return copy;
    }
}
