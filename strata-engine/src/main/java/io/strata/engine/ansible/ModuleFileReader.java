package io.strata.engine.ansible;

import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.ReadAs;
import io.strata.engine.ansible.Ref.RoleUse;
import io.strata.engine.ansible.Ref.TaskInclude;
import io.strata.engine.ansible.Ref.VarsDir;
import io.strata.engine.jinja.JinjaReferences;
import io.strata.engine.jinja.LookupCall;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The files a module or a lookup reads or pulls in: a module's file arguments (with each loop
 * item put in), included task files, roles and vars, the files of {@code file}, {@code template},
 * {@code fileglob}, {@code first_found} and like lookups, and Jinja includes; commands a lookup
 * runs on the controller. What it finds goes to the file's {@link ContentFacts}.
 */
final class ModuleFileReader {

    private final ContentFacts facts;

    ModuleFileReader(ContentFacts facts) {
        this.facts = facts;
    }

    /** What a module's arguments read or use, by module: task files, roles, vars, templates, files, scripts. */
    void moduleArguments(String name, Map<String, Object> args, LoopItems loop) {
        switch (name) {
            case "include_tasks", "import_tasks", "include" -> {
                Object target = args.containsKey("file") ? args.get("file") : args.get(FreeFormArgs.RAW);
                paths(target, loop, "files", ReadAs.TASKS, name).forEach(spec -> facts.refs.add(new TaskInclude(spec, name)));
            }
            case "include_role", "import_role" -> roleAction(name, args, loop);
            case "include_vars" -> {
                if (args.get("dir") != null) {
                    List<String> extensions = args.get("extensions") instanceof List<?> list
                            ? list.stream().map(String::valueOf).toList() : List.of("yml", "yaml", "json");
                    paths(args.get("dir"), loop, "vars", ReadAs.VARS, name)
                            .forEach(spec -> facts.refs.add(new VarsDir(spec, extensions, name)));
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
            case "group_by", "add_host" -> facts.dynamicGroups = true;
            default -> {
            }
        }
    }

    private void roleAction(String keyword, Map<String, Object> args, LoopItems loop) {
        Object name = args.containsKey("name") ? args.get("name") : args.get("role");
        if (name == null) {
            return;
        }
        RoleEntries entries = new RoleEntries(entry(args.get("tasks_from")), entry(args.get("vars_from")),
                entry(args.get("defaults_from")), entry(args.get("handlers_from")));
        for (PathSpec spec : paths(name, loop, null, ReadAs.PLAIN, keyword)) {
            facts.refs.add(new RoleUse(spec, entries, keyword, false));
        }
    }

    private static String entry(Object value) {
        return value == null ? "main" : PathSpec.of(String.valueOf(value), false).path();
    }

    /** A module's file argument: one FileUse per loop item, or the loop's own lookup results. */
    private void fileUses(Object value, LoopItems loop, String subdir, ReadAs readAs, String keyword) {
        for (PathSpec spec : paths(value, loop, subdir, readAs, keyword)) {
            facts.refs.add(new FileUse(subdir, List.of(spec), readAs, keyword));
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

    void lookupsIn(Object value) {
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

    void lookups(String text) {
        if (mayLookup(text)) {
            JinjaReferences.lookups(text).forEach(call -> lookup(call, null, null));
        }
    }

    /** Whether a text may read a file: a lookup, or a Jinja include, import or extends. */
    static boolean mayLookup(String text) {
        return text.contains("lookup") || text.contains("query") || text.contains("q(") || JinjaReferences.mayInclude(text);
    }

    /**
     * The files a lookup reads. {@code readAs} and {@code subdir} are given when the lookup feeds
     * a module's file argument through a loop; null for a lookup read for its own sake.
     */
    void lookup(LookupCall call, ReadAs readAs, String subdir) {
        String plugin = call.plugin();
        if (plugin.chars().filter(c -> c == '.').count() >= 2) {
            facts.collection(plugin);
            return;
        }
        switch (plugin) {
            case "file", "unvault" -> call.arguments().forEach(argument -> facts.refs.add(new FileUse("files",
                    List.of(PathSpec.of(argument, false)), ReadAs.PLAIN, "lookup('" + plugin + "')")));
            case "template" -> call.arguments().stream().limit(1).forEach(argument -> facts.refs.add(new FileUse("templates",
                    List.of(PathSpec.of(argument, false)), ReadAs.TEMPLATE, "lookup('template')")));
            case LookupCall.JINJA_INCLUDE -> call.arguments().stream().limit(1).forEach(argument -> facts.refs.add(new FileUse("templates",
                    List.of(PathSpec.of(argument, false)), ReadAs.TEMPLATE, FileUse.JINJA_INCLUDE)));
            case "fileglob" -> call.arguments().forEach(argument -> facts.refs.add(new FileUse("files",
                    List.of(PathSpec.of(argument, true)), readAs == null ? ReadAs.PLAIN : readAs, "fileglob")));
            case "first_found" -> facts.refs.add(new FileUse(subdir == null ? "files" : subdir,
                    call.arguments().stream().map(argument -> PathSpec.of(argument, false)).toList(),
                    readAs == null ? ReadAs.PLAIN : readAs, "first_found"));
            case "pipe", "lines" -> {
                if (call.arguments().isEmpty() || !call.arguments().stream().allMatch(ControllerCommand::readsNoRepositoryFile)) {
                    facts.controllerCommands.add("lookup('" + plugin + "')");
                }
            }
            case "csvfile", "ini" -> call.arguments().forEach(argument -> {
                for (String word : FreeFormArgs.words(argument)) {
                    if (word.startsWith("file=")) {
                        facts.refs.add(new FileUse("files", List.of(PathSpec.of(word.substring(5), false)), ReadAs.PLAIN,
                                "lookup('" + plugin + "')"));
                    }
                }
            });
            default -> {
            }
        }
    }

    private static boolean truthy(Object value) {
        if (value instanceof Boolean bool) {
            return bool;
        }
        return value != null && Set.of("yes", "true", "on", "1", "y").contains(String.valueOf(value).strip().toLowerCase());
    }
}
