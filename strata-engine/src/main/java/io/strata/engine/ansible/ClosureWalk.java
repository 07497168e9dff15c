package io.strata.engine.ansible;

import io.strata.engine.ansible.ExternalDependency.Kind;
import io.strata.engine.ansible.PathSpec.Anchor;
import io.strata.engine.source.RepoPaths;
import io.strata.engine.source.SourceTree;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One analysis of one playbook for one container: follows the playbook and its imports, and
 * adds the cached parts of the plays that reach the container, of the group_vars of its
 * groups, and of the folders beside the playbooks. Containers whose analyses come to the same
 * parts share one closure, merged once per tree.
 */
final class ClosureWalk {

    /** Whether a host pattern reaches the container, given whether run-time groups may exist. */
    interface HostMatcher {
        boolean matches(String pattern, boolean dynamicGroups);
    }

    private final SourceTree tree;
    private final TreeCache cache;
    private final AnalysisCache shared;
    private final AnalysisTarget target;
    private final HostMatcher hosts;
    private final AnalysisDepth depth;
    private final ClosureSequence sequence = new ClosureSequence();
    private ClosureBuilder out = new ClosureBuilder();
    private final Set<String> playbooks = new HashSet<>();
    private String playbookDir;

    ClosureWalk(SourceTree tree, AnalysisCache shared, AnalysisTarget target, HostMatcher hosts, AnalysisDepth depth) {
        this.tree = tree;
        this.cache = shared.of(tree);
        this.shared = shared;
        this.target = target;
        this.hosts = hosts;
        this.depth = depth;
    }

    /** The closure of a playbook that exists in the tree. */
    Closure run(String playbook) {
        playbookDir = RepoPaths.parent(playbook);
        out.input(playbook, "playbook", "the playbook");
        share(cache.part(new TreeCache.PartKey("configuration", playbook, -1, depth), key -> configuration()));
        for (String group : target.visibleGroups()) {
            share(cache.part(new TreeCache.PartKey("group_vars " + group, playbook, -1, depth), key -> groupVars(playbook, group)));
        }
        playbook(playbook);
        hostVars(playbook);
        sequence.own(out.part());
        return cache.closure(sequence);
    }

    /** Adds a cached part after what this walk added itself so far. */
    private void share(ClosurePart part) {
        sequence.own(out.part());
        sequence.shared(part);
        out = new ClosureBuilder();
    }

    /** ansible.cfg and the module and plugin folders it names. */
    private ClosurePart configuration() {
        ClosureBuilder part = new ClosureBuilder();
        if (tree.isFile(AnsibleConfig.FILE)) {
            part.input(AnsibleConfig.FILE, "file", "Ansible configuration of the repository");
        }
        for (String dir : cache.config(tree).pluginPaths()) {
            tree.filesUnder(dir).forEach(f -> part.input(f, "file", "module or plugin folder " + dir + " of ansible.cfg"));
        }
        return part.part();
    }

    /** group_vars/ beside the playbook for one group. */
    private ClosurePart groupVars(String playbook, String group) {
        ClosureBuilder part = new ClosureBuilder();
        UnitWalk walk = new UnitWalk(tree, shared, playbookDir, playbookDir, part, depth);
        RoleChain top = new RoleChain(playbook, List.of(), List.of());
        for (String file : cache.varsFiles(tree, SearchDirs.join(playbookDir, "group_vars"), group)) {
            part.input(file, "file", "group_vars of group " + group + " beside " + playbook);
            walk.walk(Unit.vars(file, null), top);
        }
        return part.part();
    }

    /**
     * host_vars beside the playbook: those of the hosts in the container's groups, and all of them
     * when the playbook reads other hosts' data ({@code hostvars}, {@code groups}) or variables by
     * computed names.
     */
    private void hostVars(String playbook) {
        String dir = SearchDirs.join(playbookDir, "host_vars");
        if (!tree.isDirectory(dir)) {
            return;
        }
        List<String> files = new ArrayList<>();
        if (out.variables().readsAnyHost() || sequence.readsAnyHost()) {
            files.addAll(VarsFiles.under(tree, dir));
        } else if (target.inventory() != null) {
            Set<String> names = new TreeSet<>();
            target.containerGroups().forEach(group -> names.addAll(target.inventory().hostsOf(group)));
            names.forEach(host -> files.addAll(cache.varsFiles(tree, dir, host)));
        }
        UnitWalk walk = new UnitWalk(tree, shared, playbookDir, playbookDir, out, depth);
        RoleChain top = new RoleChain(playbook, List.of(), List.of());
        for (String file : files) {
            out.input(file, "file", "host_vars beside " + playbook);
            walk.walk(Unit.vars(file, null), top);
        }
    }

    private void playbook(String path) {
        if (!playbooks.add(path)) {
            return;
        }
        share(cache.part(new TreeCache.PartKey("plugins", path, -1, depth), key -> pluginFolders(path)));
        PlaybookSummary summary = cache.summary(tree, path, SummaryKind.PLAYBOOK, shared);
        if (summary == null) {
            return;
        }
        if (summary.problem() != null) {
            out.uncertainty(path, summary.problem());
            return;
        }
        List<PlaybookSummary.Entry> entries = summary.entries();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            if (entries.get(i) instanceof PlaybookSummary.Import imported) {
                out.variables().add(imported.variables());
                importPlaybook(imported.target(), path);
            } else if (entries.get(i) instanceof PlaybookSummary.Play play
                    && (play.hosts() == null || hosts.matches(play.hosts(), out.dynamicGroups() || sequence.dynamicGroups()))) {
                share(cache.part(new TreeCache.PartKey("play in " + playbookDir, path, index, depth),
                        key -> play(path, index, play)));
            }
        }
    }

    /** What a play pulls in, from the playbook's directory. */
    private ClosurePart play(String path, int index, PlaybookSummary.Play play) {
        ClosureBuilder part = new ClosureBuilder();
        UnitWalk walk = new UnitWalk(tree, shared, RepoPaths.parent(path), playbookDir, part, depth);
        RoleChain chain = new RoleChain(path, List.of(), play.collections());
        play.collections().forEach(collection -> walk.collection(collection, chain));
        walk.walk(Unit.play(path, index), chain);
        return part.part();
    }

    private void importPlaybook(PathSpec target, String from) {
        String dir = target.anchor() == Anchor.PLAYBOOK_DIR ? playbookDir : RepoPaths.parent(from);
        String path = target.anchor() == Anchor.ABSOLUTE ? null : SearchDirs.join(dir, target.path());
        if (path == null) {
            out.uncertainty(from, "import_playbook '" + target.written() + "' lies outside the repository");
        } else if (target.dynamic()) {
            out.wildcard(path, "playbook", "dynamic import_playbook '" + target.written() + "' in " + from);
            for (String match : cache.expand(tree, path)) {
                if (Resolver.analysable(match, path)) {
                    out.input(match, "playbook", "may be imported by " + from);
                    playbook(match);
                }
            }
        } else if (tree.isFile(path)) {
            out.input(path, "playbook", "imported by " + from);
            playbook(path);
        } else if (target.path().split("\\.").length >= 3 && !target.path().contains("/")) {
            collectionPlaybook(target.path(), from);
        }
    }

    /** {@code import_playbook: ns.coll.name}: a playbook of a collection. */
    private void collectionPlaybook(String name, String from) {
        String[] parts = name.split("\\.", 3);
        String collection = parts[0] + "." + parts[1];
        String dir = new RoleLocator(tree, cache, cache.config(tree), playbookDir, playbookDir)
                .collectionDir(collection);
        out.external(Kind.COLLECTION, collection, dir != null, "playbook " + name + " imported by " + from);
        if (dir != null) {
            for (String file : VarsFiles.find(tree, dir + "/playbooks", parts[2], false)) {
                out.input(file, "playbook", "imported by " + from);
                playbook(file);
            }
        }
    }

    /** library/, module_utils/ and *_plugins/ beside a playbook. */
    private ClosurePart pluginFolders(String playbook) {
        ClosureBuilder part = new ClosureBuilder();
        String dir = RepoPaths.parent(playbook);
        for (String child : cache.childDirs(tree, dir)) {
            if (child.equals("library") || child.equals("module_utils") || child.endsWith("_plugins")) {
                tree.filesUnder(SearchDirs.join(dir, child))
                        .forEach(f -> part.input(f, "file", "module and plugin folder beside " + playbook));
            }
        }
        return part.part();
    }
}
