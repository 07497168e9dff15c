package io.strata.engine.ansible;

import io.strata.engine.ansible.ExternalDependency.Kind;
import io.strata.engine.ansible.Fragment.Found;
import io.strata.engine.ansible.Fragment.Pending;
import io.strata.engine.ansible.PathSpec.Anchor;
import io.strata.engine.ansible.Ref.FileUse;
import io.strata.engine.ansible.Ref.RoleUse;
import io.strata.engine.ansible.Ref.TaskInclude;
import io.strata.engine.ansible.Ref.VarsDir;
import io.strata.engine.source.SourceTree;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Follows units from a start (a play, a vars file) for a playbook in one directory: merges
 * their cached fragments and resolves what each left pending against the playbook's directory
 * and the chain of roles that leads to it. Role cycles and include cycles end.
 */
final class UnitWalk {

    private record Step(Unit unit, RoleChain chain) {
    }

    private record Visit(Unit unit, List<String> roleDirs) {
    }

    private final SourceTree tree;
    private final TreeCache cache;
    private final AnalysisCache shared;
    private final String playbookDir;
    private final RoleLocator locator;
    private final Map<String, String> requirements;
    private final Resolver resolver;
    private final ClosureBuilder out;
    private final AnalysisDepth depth;
    private final Deque<Step> work = new ArrayDeque<>();
    private final Set<Object> visited = new HashSet<>();
    private final Set<String> collectionsRead = new HashSet<>();

    /**
     * A walk for a play (or the vars beside a playbook).
     *
     * @param playDir the directory of the playbook file holding the play
     * @param playbookDir the directory of the playbook being run
     * @param out where what is found goes
     * @param depth how far units are followed
     */
    UnitWalk(SourceTree tree, AnalysisCache shared, String playDir, String playbookDir, ClosureBuilder out,
            AnalysisDepth depth) {
        this.tree = tree;
        this.cache = shared.of(tree);
        this.shared = shared;
        this.playbookDir = playbookDir;
        this.locator = new RoleLocator(tree, cache, cache.config(tree), playDir, playbookDir);
        this.requirements = cache.requirements(tree);
        this.resolver = new Resolver(tree, cache);
        this.out = out;
        this.depth = depth;
    }

    /** Follows a unit and everything it pulls in. */
    void walk(Unit unit, RoleChain chain) {
        if (depth.follows(unit)) {
            work.add(new Step(unit, chain));
        }
        while (!work.isEmpty()) {
            Step step = work.poll();
            Fragment fragment = cache.fragment(step.unit(), depth, u -> FragmentBuilder.build(tree, cache, shared, u, depth));
            Object visit = fragment.searchesParentRoles() ? new Visit(step.unit(), step.chain().roleDirs()) : step.unit();
            if (visited.add(visit)) {
                merge(fragment, step.chain());
            }
        }
    }

    /** A collection named by a module, lookup, play or role; its plugins are inputs when installed in the tree. */
    void collection(String collection, RoleChain chain) {
        if (collection.equals("ansible.builtin") || collection.equals("ansible.legacy")) {
            return;
        }
        String dir = locator.collectionDir(collection);
        String usedBy = chain.describe() == null ? "used by " + chain.playbook() : chain.describe();
        out.external(Kind.COLLECTION, collection, dir != null, "collection " + collection + " " + usedBy);
        if (dir != null && collectionsRead.add(collection)) {
            String what = "collection " + collection + " used by " + chain.playbook();
            tree.filesUnder(dir + "/plugins").forEach(f -> out.input(f, "file", what));
            for (String metadata : List.of("galaxy.yml", "MANIFEST.json")) {
                if (tree.isFile(dir + "/" + metadata)) {
                    out.input(dir + "/" + metadata, "file", what);
                }
            }
        }
    }

    private void merge(Fragment fragment, RoleChain chain) {
        for (Found found : fragment.inputs()) {
            out.input(found.path(), found.kind(), chain.detail(found.what()));
        }
        for (Found glob : fragment.wildcards()) {
            out.wildcard(glob.path(), glob.kind(), chain.detail(glob.what()));
        }
        for (Uncertainty uncertainty : fragment.uncertainties()) {
            out.uncertainty(uncertainty.path(), chain.detail(uncertainty.detail()));
        }
        out.variables().add(fragment.variables());
        out.dynamicGroups(fragment.dynamicGroups());
        for (String collection : fragment.collections()) {
            collection(collection, chain);
        }
        RoleChain inner = fragment.searchCollections().isEmpty() ? chain : chain.withCollections(fragment.searchCollections());
        for (Pending pending : fragment.pending()) {
            resolve(pending, inner);
        }
    }

    private void resolve(Pending pending, RoleChain chain) {
        Resolver.Sink sink = new ChainSink(chain);
        Ref ref = pending.ref();
        if (ref instanceof TaskInclude include) {
            resolver.taskInclude(include, pending.file(), pending.roleDir(), pending.handlers(), playbookDir, sink);
        } else if (ref instanceof FileUse use) {
            List<String> roleDirs = chain.roleDirs();
            List<String> parents = roleDirs.isEmpty() ? List.of() : roleDirs.subList(1, roleDirs.size());
            resolver.fileUse(use, pending.file(), pending.roleDir(), parents, pending.handlers(), playbookDir, sink);
        } else if (ref instanceof VarsDir dir) {
            resolver.varsDir(dir, pending.file(), pending.roleDir(), playbookDir, sink);
        } else if (ref instanceof RoleUse role) {
            role(role, pending, chain);
        }
    }

    private void role(RoleUse use, Pending pending, RoleChain chain) {
        PathSpec name = use.name();
        String where = use.keyword() + " in " + pending.file();
        if (name.anchor() == Anchor.ABSOLUTE) {
            out.uncertainty(pending.file(),
                    chain.detail("role '" + name.written() + "' (" + where + ") lies outside the repository"));
            return;
        }
        String dependent = use.dependency() ? pending.roleDir() : null;
        List<RoleLocator.Located> found = locator.find(name, dependent, chain.collections());
        if (name.dynamic()) {
            for (String glob : locator.globs(name, dependent)) {
                out.wildcard(glob, "role", chain.detail("dynamic role '" + name.written() + "' (" + where + ")"));
            }
            if (found.isEmpty()) {
                out.uncertainty(pending.file(),
                        chain.detail("role '" + name.written() + "' (" + where + ") matches no role in the repository"));
            }
        } else if (found.isEmpty()) {
            String[] parts = name.path().split("\\.");
            String usedBy = "role " + name.path() + " (" + where + ") used by " + chain.playbook()
                    + ", not in the repository";
            if (parts.length >= 3 && !name.path().contains("/")) {
                out.external(Kind.COLLECTION, parts[0] + "." + parts[1], false, usedBy);
            } else {
                out.external(Kind.ROLE, name.path(), false, usedBy);
            }
        }
        for (RoleLocator.Located role : found) {
            if (chain.roleDirs().contains(role.dir())) {
                continue;
            }
            out.role(role.dir());
            RoleChain inner = chain.with(new RoleChain.Link(role.name(), role.dir()));
            if (role.collection() != null) {
                out.external(Kind.COLLECTION, role.collection(), true, inner.describe());
            } else if (requirements.containsKey(role.name())) {
                out.external(Kind.ROLE, role.name(), true, inner.describe());
            }
            work.add(new Step(Unit.role(role.dir(), use.entries()), inner));
        }
    }

    /** Receives what resolving a pending reference finds, for one chain. */
    private final class ChainSink implements Resolver.Sink {

        private final RoleChain chain;

        ChainSink(RoleChain chain) {
            this.chain = chain;
        }

        @Override
        public void found(String path, String kind, String what) {
            out.input(path, kind, chain.detail(what));
        }

        @Override
        public void wildcard(String glob, String kind, String what) {
            out.wildcard(glob, kind, chain.detail(what));
        }

        @Override
        public void unit(Unit unit) {
            if (depth.follows(unit)) {
                work.add(new Step(unit, chain));
            }
        }

        @Override
        public void uncertain(String path, String what) {
            out.uncertainty(path, chain.detail(what));
        }
    }
}
