package io.strata.engine.ansible;

import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.ReadAs;
import io.strata.engine.ansible.Ref.RoleUse;
import io.strata.engine.ansible.Ref.TaskInclude;
import io.strata.engine.ansible.Ref.VarsDir;
import io.strata.engine.jinja.JinjaReferences;
import io.strata.engine.jinja.LookupCall;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads what task lists, vars files, role metadata, templates and playbooks refer to and which
 * variables they read, independently of where the file lies (the references are resolved later,
 * against the search directories of each use).
 */
final class ContentReader {

    private static final Set<String> EXPRESSION_KEYWORDS = Set.of("when", "failed_when", "changed_when", "until");
    private static final Set<String> TASK_KEYWORDS = Set.of("action", "args", "async", "become", "become_exe",
            "become_flags", "become_method", "become_user", "changed_when", "check_mode", "collections", "connection",
            "debugger", "delay", "delegate_facts", "delegate_to", "diff", "environment", "failed_when",
            "ignore_errors", "ignore_unreachable", "local_action", "loop", "loop_control", "module_defaults", "name",
            "no_log", "notify", "poll", "port", "register", "remote_user", "retries", "run_once", "tags", "throttle",
            "timeout", "until", "vars", "when", "listen");
    private static final Set<String> BLOCK_KEYS = Set.of("block", "rescue", "always");
    private static final Set<String> PLAY_TASK_LISTS = Set.of("pre_tasks", "tasks", "post_tasks", "handlers");
    private static final Set<String> IMPORT_PLAYBOOK = Set.of("import_playbook", "ansible.builtin.import_playbook",
            "ansible.legacy.import_playbook", "include");
    /** Modules that run a command, which reads what it reads: on the controller, any file of the site. */
    private static final Set<String> COMMAND_MODULES = Set.of("command", "shell", "script", "raw");
    /** The names of the controller in {@code delegate_to}. */
    private static final Set<String> LOCALHOST = Set.of("localhost", "127.0.0.1", "::1");
    /** Lookups whose arguments name files the controller reads. */
    private static final Set<String> FILE_LOOKUPS = Set.of("file", "template", "fileglob", "first_found", "unvault",
            "csvfile", "ini");

    private final VariableSet variables = new VariableSet();
    private final List<Ref> refs = new ArrayList<>();
    private final List<String> controllerCommands = new ArrayList<>();
    private final Set<String> collections = new TreeSet<>();
    private final List<String> searchCollections = new ArrayList<>();
    private boolean dynamicGroups;

    private ContentReader() {
    }

    /** A task list (tasks or handlers file). */
    static ContentSummary tasks(ParsedFile file) {
        if (file.problem() != null) {
            return ContentSummary.unreadable(file.problem());
        }
        ContentReader reader = new ContentReader();
        reader.taskList(file.data());
        return reader.summary(null);
    }

    /** A vars file (vars_files, include_vars, role vars and defaults). */
    static ContentSummary vars(ParsedFile file) {
        if (file.problem() != null) {
            return ContentSummary.unreadable(file.problem());
        }
        ContentReader reader = new ContentReader();
        reader.value(file.data());
        return reader.summary(null);
    }

    /** A role's {@code meta/main.yml}: its dependencies and collections. */
    static ContentSummary meta(ParsedFile file) {
        if (file.problem() != null) {
            return ContentSummary.unreadable(file.problem());
        }
        ContentReader reader = new ContentReader();
        if (file.data() instanceof Map<?, ?> meta) {
            for (Object dependency : list(meta.get("dependencies"))) {
                reader.roleEntry(dependency, "dependency", true);
            }
            for (Object collection : list(meta.get("collections"))) {
                reader.searchCollections.add(String.valueOf(collection));
                reader.collection(String.valueOf(collection));
            }
        }
        return reader.summary(null);
    }

    /** A Jinja template: its variables and lookups. */
    static ContentSummary template(String text) {
        if (ParsedFile.isVault(text)) {
            return ContentSummary.unreadable("vault-encrypted: its content cannot be read");
        }
        ContentReader reader = new ContentReader();
        reader.variables.add(JinjaReferences.inTemplate(text));
        reader.lookups(text);
        return reader.summary(null);
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
                ContentReader reader = new ContentReader();
                map.forEach((key, value) -> {
                    if (key != entry.getKey()) {
                        reader.keyword(String.valueOf(key), value);
                    }
                });
                Object target = entry.getValue() instanceof String text
                        ? FreeFormArgs.parse(text).getOrDefault(FreeFormArgs.RAW, text) : entry.getValue();
                return new PlaybookSummary.Import(PathSpec.of(String.valueOf(target), false), reader.variables.toUse());
            }
        }
        ContentReader reader = new ContentReader();
        List<String> playCollections = new ArrayList<>();
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            String key = String.valueOf(entry.getKey());
            Object value = entry.getValue();
            if (PLAY_TASK_LISTS.contains(key)) {
                reader.taskList(value);
            } else if (key.equals("roles")) {
                list(value).forEach(role -> reader.roleEntry(role, "roles", false));
            } else if (key.equals("vars_files")) {
                reader.varsFiles(value);
            } else {
                if (key.equals("collections")) {
                    list(value).forEach(c -> {
                        playCollections.add(String.valueOf(c));
                        reader.collection(String.valueOf(c));
                    });
                }
                reader.keyword(key, value);
            }
        }
        return new PlaybookSummary.Play(hosts(map.get("hosts")), playCollections, reader.summary(null));
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

    private ContentSummary summary(String problem) {
        return new ContentSummary(variables.toUse(), refs, collections, searchCollections, dynamicGroups, controllerCommands,
                problem);
    }

    private void varsFiles(Object value) {
        for (Object entry : list(value)) {
            List<PathSpec> candidates = new ArrayList<>();
            for (Object alternative : entry instanceof List<?> alternatives ? alternatives : List.of(entry)) {
                candidates.add(PathSpec.of(String.valueOf(alternative), false));
                variables.add(JinjaReferences.inValue(alternative));
            }
            refs.add(new FileUse(null, candidates, ReadAs.VARS, "vars_files"));
        }
    }

    private void roleEntry(Object entry, String keyword, boolean dependency) {
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
            refs.add(new RoleUse(PathSpec.of(String.valueOf(name), false), RoleEntries.MAIN, keyword, dependency));
        }
    }

    private void taskList(Object value) {
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
                variables.add(JinjaReferences.inValue(value));
                lookupsIn(value);
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
                    .forEach(module -> controllerCommands.add(module + " delegated to the controller"));
        }
        if (!loop.consumed()) {
            loop.lookups().forEach(call -> lookup(call, null, null));
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

    private void keyword(String key, Object value) {
        if (EXPRESSION_KEYWORDS.contains(key)) {
            expressions(value);
        } else {
            variables.add(JinjaReferences.inValue(value));
            lookupsIn(value);
        }
    }

    /** A loop's variables; its lookups are read with the task's modules ({@link LoopItems}). */
    private void loopKeyword(String key, Object value) {
        boolean fileLookup = key.startsWith("with_") && FILE_LOOKUPS.contains(key.substring(5));
        if (value instanceof String text && !JinjaReferences.isTemplated(text) && !fileLookup) {
            expressions(text);
        } else {
            variables.add(JinjaReferences.inValue(value));
        }
    }

    private void expressions(Object value) {
        for (Object item : value instanceof List<?> items ? items : List.of(value == null ? "" : value)) {
            if (item instanceof String expression && !expression.isBlank()) {
                variables.add(JinjaReferences.inExpression(expression));
                if (mayLookup(expression)) {
                    JinjaReferences.lookups(expression).forEach(call -> lookup(call, null, null));
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
        switch (name) {
            case "include_tasks", "import_tasks", "include" -> {
                Object target = args.containsKey("file") ? args.get("file") : args.get(FreeFormArgs.RAW);
                paths(target, loop, "files", ReadAs.TASKS, name).forEach(spec -> refs.add(new TaskInclude(spec, name)));
            }
            case "include_role", "import_role" -> roleAction(name, args, loop);
            case "include_vars" -> {
                if (args.get("dir") != null) {
                    List<String> extensions = args.get("extensions") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList() : List.of("yml", "yaml", "json");
                    paths(args.get("dir"), loop, "vars", ReadAs.VARS, name)
                            .forEach(spec -> refs.add(new VarsDir(spec, extensions, name)));
                } else {
                    Object file = args.containsKey("file") ? args.get("file") : args.get(FreeFormArgs.RAW);
                    fileUses(file, loop, "vars", ReadAs.VARS, name);
                }
            }
            case "template", "win_template" -> fileUses(args.get("src"), loop, "templates", ReadAs.TEMPLATE, name);
            case "copy", "win_copy", "patch", "uri" -> {
                if (!truthy(args.get("remote_src"))) {
                    fileUses(args.get("src"), loop, "files", ReadAs.PLAIN, name);
                }
            }
            case "unarchive" -> {
                if (!truthy(args.get("remote_src")) && (!args.containsKey("copy") || truthy(args.get("copy")))
                        && !String.valueOf(args.get("src")).contains("://")) {
                    fileUses(args.get("src"), loop, "files", ReadAs.PLAIN, name);
                }
            }
            case "assemble" -> {
                if (args.containsKey("remote_src") && !truthy(args.get("remote_src"))) {
                    fileUses(args.get("src"), loop, "files", ReadAs.PLAIN, name);
                }
            }
            case "synchronize" -> {
                if (!"pull".equals(String.valueOf(args.get("mode")))) {
                    fileUses(args.get("src"), loop, "files", ReadAs.PLAIN, name);
                }
            }
            case "script" -> {
                Object command = args.containsKey("cmd") ? args.get("cmd") : args.get(FreeFormArgs.RAW);
                if (command != null) {
                    List<String> words = FreeFormArgs.words(String.valueOf(command));
                    fileUses(words.isEmpty() ? null : words.get(0), loop, "files", ReadAs.PLAIN, name);
                }
            }
            case "group_by", "add_host" -> dynamicGroups = true;
            default -> {
            }
        }
    }

    /** A module's short name; a fully qualified one outside ansible.builtin names its collection. */
    private String moduleName(String module) {
        for (String builtin : List.of("ansible.builtin.", "ansible.legacy.")) {
            if (module.startsWith(builtin)) {
                return module.substring(builtin.length());
            }
        }
        if (module.chars().filter(c -> c == '.').count() >= 2) {
            collection(module);
            return module.substring(module.lastIndexOf('.') + 1);
        }
        return module;
    }

    /** A module's variables: its arguments read as templates, those of assert's {@code that} and debug's {@code var} as expressions. */
    private void actionVariables(String name, Object value, Map<String, Object> args) {
        String bare = name.equals("assert") ? "that" : name.equals("debug") ? "var" : null;
        if (bare == null) {
            variables.add(JinjaReferences.inValue(value));
            lookupsIn(value);
            return;
        }
        Map<String, Object> rest = value instanceof Map<?, ?> map ? stringKeys(map) : new LinkedHashMap<>(args);
        expressions(rest.remove(bare));
        variables.add(JinjaReferences.inValue(rest));
        lookupsIn(rest);
    }

    private void roleAction(String keyword, Map<String, Object> args, LoopItems loop) {
        Object name = args.containsKey("name") ? args.get("name") : args.get("role");
        if (name == null) {
            return;
        }
        RoleEntries entries = new RoleEntries(entry(args.get("tasks_from")), entry(args.get("vars_from")),
                entry(args.get("defaults_from")), entry(args.get("handlers_from")));
        for (PathSpec spec : paths(name, loop, null, ReadAs.PLAIN, keyword)) {
            refs.add(new RoleUse(spec, entries, keyword, false));
        }
    }

    private static String entry(Object value) {
        return value == null ? "main" : PathSpec.of(String.valueOf(value), false).path();
    }

    /** A module's file argument: one FileUse per loop item, or the loop's own lookup results. */
    private void fileUses(Object value, LoopItems loop, String subdir, ReadAs readAs, String keyword) {
        for (PathSpec spec : paths(value, loop, subdir, readAs, keyword)) {
            refs.add(new FileUse(subdir, List.of(spec), readAs, keyword));
        }
    }

    /**
     * The paths a module argument stands for: the argument with each loop item put in, or none
     * when the argument is the loop variable and the loop is a fileglob or first_found lookup
     * (whose results are added here, read as {@code readAs}).
     */
    private List<PathSpec> paths(Object value, LoopItems loop, String subdir, ReadAs readAs, String keyword) {
        if (value == null) {
            return List.of();
        }
        String text = String.valueOf(value);
        if (loop.isLoopVariable(text) && loop.yieldsPaths()) {
            loop.consume();
            for (LookupCall call : loop.lookups()) {
                lookup(call, readAs, subdirForLoop(keyword));
            }
            return List.of();
        }
        return loop.substitute(text).stream().map(path -> PathSpec.of(path, false)).toList();
    }

    /** The folder a first_found loop searches: Ansible picks it from the module's name. */
    private static String subdirForLoop(String module) {
        if (module.contains("template")) {
            return "templates";
        }
        return module.contains("var") ? "vars" : "files";
    }

    private void lookupsIn(Object value) {
        if (value instanceof String text) {
            if (JinjaReferences.isTemplated(text) && mayLookup(text)) {
                lookups(text);
            }
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::lookupsIn);
        } else if (value instanceof Collection<?> items) {
            items.forEach(this::lookupsIn);
        }
    }

    private void lookups(String text) {
        if (mayLookup(text)) {
            JinjaReferences.lookups(text).forEach(call -> lookup(call, null, null));
        }
    }

    /** Whether a text may read a file: a lookup, or a Jinja include, import or extends. */
    private static boolean mayLookup(String text) {
        return text.contains("lookup") || text.contains("query") || text.contains("q(") || JinjaReferences.mayInclude(text);
    }

    /**
     * The files a lookup reads. {@code readAs} and {@code subdir} are given when the lookup feeds
     * a module's file argument through a loop; null for a lookup read for its own sake.
     */
    private void lookup(LookupCall call, ReadAs readAs, String subdir) {
        String plugin = call.plugin();
        if (plugin.chars().filter(c -> c == '.').count() >= 2) {
            collection(plugin);
            return;
        }
        switch (plugin) {
            case "file", "unvault" -> call.arguments().forEach(argument -> refs.add(new FileUse("files",
                    List.of(PathSpec.of(argument, false)), ReadAs.PLAIN, "lookup('" + plugin + "')")));
            case "template" -> call.arguments().stream().limit(1).forEach(argument -> refs.add(new FileUse("templates",
                    List.of(PathSpec.of(argument, false)), ReadAs.TEMPLATE, "lookup('template')")));
            case LookupCall.JINJA_INCLUDE -> call.arguments().stream().limit(1).forEach(argument -> refs.add(new FileUse("templates",
                    List.of(PathSpec.of(argument, false)), ReadAs.TEMPLATE, FileUse.JINJA_INCLUDE)));
            case "fileglob" -> call.arguments().forEach(argument -> refs.add(new FileUse("files",
                    List.of(PathSpec.of(argument, true)), readAs == null ? ReadAs.PLAIN : readAs, "fileglob")));
            case "first_found" -> refs.add(new FileUse(subdir == null ? "files" : subdir,
                    call.arguments().stream().map(argument -> PathSpec.of(argument, false)).toList(),
                    readAs == null ? ReadAs.PLAIN : readAs, "first_found"));
            case "pipe", "lines" -> controllerCommands.add("lookup('" + plugin + "')");
            case "csvfile", "ini" -> call.arguments().forEach(argument -> {
                for (String word : FreeFormArgs.words(argument)) {
                    if (word.startsWith("file=")) {
                        refs.add(new FileUse("files", List.of(PathSpec.of(word.substring(5), false)), ReadAs.PLAIN,
                                "lookup('" + plugin + "')"));
                    }
                }
            });
            default -> {
            }
        }
    }

    private void collection(String qualifiedName) {
        String[] parts = qualifiedName.split("\\.");
        if (parts.length >= 2 && !parts[0].isEmpty() && !parts[1].isEmpty()
                && !(parts[0].equals("ansible") && (parts[1].equals("builtin") || parts[1].equals("legacy")))) {
            collections.add(parts[0] + "." + parts[1]);
        }
    }

    private void value(Object data) {
        variables.add(JinjaReferences.inValue(data));
        lookupsIn(data);
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return value != null && Set.of("yes", "true", "on", "1", "y").contains(String.valueOf(value).strip().toLowerCase());
    }

    private static List<?> list(Object value) {
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
