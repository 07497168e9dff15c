package io.strata.engine.ansible;

import io.strata.engine.ansible.Fragment.Found;
import io.strata.engine.ansible.Fragment.Pending;
import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.TaskInclude;
import io.strata.engine.ansible.Ref.VarsDir;
import io.strata.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Computes a unit's {@link Fragment}: its own files and every task file, vars file and
 * template that its own search directories resolve, followed until nothing is left but
 * references that depend on the use.
 */
final class FragmentBuilder implements Resolver.Sink {

    /** A role's folders whose files take part in a build (besides {@code *_plugins}). */
    static final Set<String> BUILD_FOLDERS = Set.of("tasks", "handlers", "templates", "files", "vars", "defaults",
            "meta", "library", "module_utils");

    private final SourceTree tree;
    private final TreeCache cache;
    private final AnalysisCache shared;
    private final Resolver resolver;
    private final AnalysisDepth depth;
    private final List<Found> inputs = new ArrayList<>();
    private final List<Found> wildcards = new ArrayList<>();
    private final List<Uncertainty> uncertainties = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    private final VariableSet variables = new VariableSet();
    private final Set<String> collections = new TreeSet<>();
    private final List<String> searchCollections = new ArrayList<>();
    private final Deque<Unit> work = new ArrayDeque<>();
    private final Set<Unit> seen = new HashSet<>();
    private boolean dynamicGroups;

    private FragmentBuilder(SourceTree tree, TreeCache cache, AnalysisCache shared, AnalysisDepth depth) {
        this.tree = tree;
        this.cache = cache;
        this.shared = shared;
        this.depth = depth;
        this.resolver = new Resolver(tree, cache);
    }

    /** The fragment of a unit of a tree, analysed to a depth. */
    static Fragment build(SourceTree tree, TreeCache cache, AnalysisCache shared, Unit unit, AnalysisDepth depth) {
        FragmentBuilder builder = new FragmentBuilder(tree, cache, shared, depth);
        builder.unit(unit);
        while (!builder.work.isEmpty()) {
            builder.process(builder.work.poll());
        }
        boolean parentDependent = false;
        for (Pending pending : builder.pending) {
            parentDependent |= pending.roleDir() != null && pending.ref() instanceof FileUse;
        }
        return new Fragment(builder.inputs, builder.wildcards, builder.uncertainties, builder.pending,
                builder.variables.toUse(), builder.collections, builder.searchCollections, builder.dynamicGroups,
                parentDependent);
    }

    /** Whether a role's top-level folder takes part in a build. */
    static boolean isBuildFolder(String folder) {
        return BUILD_FOLDERS.contains(folder) || folder.endsWith("_plugins");
    }

    @Override
    public void found(String path, String kind, String what) {
        inputs.add(new Found(path, kind, what));
    }

    @Override
    public void wildcard(String glob, String kind, String what) {
        wildcards.add(new Found(glob, kind, what));
    }

    @Override
    public void unit(Unit unit) {
        if (depth.follows(unit) && seen.add(unit)) {
            work.add(unit);
        }
    }

    @Override
    public void uncertain(String path, String what) {
        uncertainties.add(new Uncertainty(path, what));
    }

    private void process(Unit unit) {
        switch (unit.kind()) {
            case ROLE -> role(unit.path(), unit.entries());
            case TASKS, HANDLERS -> content(unit, SummaryKind.TASKS);
            case VARS -> content(unit, SummaryKind.VARS);
            case TEMPLATE -> content(unit, SummaryKind.TEMPLATE);
            case PLAY -> {
                PlaybookSummary playbook = cache.summary(tree, unit.path(), SummaryKind.PLAYBOOK, shared);
                if (playbook != null && playbook.entries().get(unit.play()) instanceof PlaybookSummary.Play play) {
                    add(play.content(), unit.path(), null, false);
                }
            }
        }
    }

    private void content(Unit unit, SummaryKind kind) {
        ContentSummary summary = cache.summary(tree, unit.path(), kind, shared);
        if (summary != null) {
            add(summary, unit.path(), unit.roleDir(), unit.kind() == Unit.Kind.HANDLERS);
        }
    }

    private void add(ContentSummary summary, String file, String roleDir, boolean handlers) {
        if (summary.problem() != null) {
            uncertain(file, summary.problem());
            return;
        }
        variables.add(summary.variables());
        collections.addAll(summary.collections());
        searchCollections.addAll(summary.searchCollections());
        dynamicGroups |= summary.dynamicGroups();
        for (String command : summary.controllerCommands()) {
            wildcard("*", "dynamic", command + " in " + file + " runs a command on the Ansible controller, which may read any file:"
                    + " every file of the repository counts");
        }
        for (Ref ref : summary.refs()) {
            boolean resolved;
            if (ref instanceof TaskInclude include) {
                resolved = resolver.taskInclude(include, file, roleDir, handlers, null, this);
            } else if (ref instanceof FileUse use) {
                resolved = resolver.fileUse(use, file, roleDir, List.of(), handlers, null, this);
            } else if (ref instanceof VarsDir dir) {
                resolved = resolver.varsDir(dir, file, roleDir, null, this);
            } else {
                resolved = false;
            }
            if (!resolved) {
                pending.add(new Pending(ref, file, roleDir, handlers));
            }
        }
    }

    /** A role: the files of its build folders, its metadata, and its entry files analysed. */
    private void role(String dir, RoleEntries entries) {
        int start = dir.length() + 1;
        for (String path : tree.filesUnder(dir)) {
            int slash = path.indexOf('/', start);
            if (slash > 0 && isBuildFolder(path.substring(start, slash))) {
                inputs.add(new Found(path, "role", null));
            }
        }
        for (String meta : entryFiles(dir, "meta", "main", false)) {
            ContentSummary summary = cache.summary(tree, meta, SummaryKind.META, shared);
            if (summary != null) {
                add(summary, meta, dir, false);
            }
        }
        entryFiles(dir, "defaults", entries.defaults(), true).forEach(path -> unit(Unit.vars(path, dir)));
        entryFiles(dir, "vars", entries.vars(), true).forEach(path -> unit(Unit.vars(path, dir)));
        entryFiles(dir, "tasks", entries.tasks(), false).forEach(path -> unit(Unit.tasks(path, dir, false)));
        entryFiles(dir, "handlers", entries.handlers(), false).forEach(path -> unit(Unit.tasks(path, dir, true)));
        tree.filesUnder(dir + "/templates").forEach(path -> unit(Unit.template(path, dir)));
    }

    /**
     * The files a role entry names ({@code main}, or a {@code *_from} value), as Ansible finds
     * them; every matching file for a templated name.
     */
    private List<String> entryFiles(String roleDir, String folder, String name, boolean allowDir) {
        String base = roleDir + "/" + folder;
        if (Glob.isGlob(name)) {
            String glob = SearchDirs.join(base, name);
            if (glob == null) {
                return List.of();
            }
            String entries = glob.endsWith("*") ? glob : glob + "*";
            wildcard(entries, "role", "dynamic " + folder + " entry '" + name + "' of role " + roleDir);
            return cache.expand(tree, entries);
        }
        return VarsFiles.find(tree, base, name, allowDir);
    }
}
