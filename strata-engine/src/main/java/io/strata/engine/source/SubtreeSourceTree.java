package io.strata.engine.source;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** A directory of another tree seen as a tree of its own (a site kept in a repository's sub-folder). */
public final class SubtreeSourceTree implements SourceTree {

    private final SourceTree tree;
    private final String prefix;
    private final NavigableSet<String> files;

    private SubtreeSourceTree(SourceTree tree, String dir) {
        this.tree = tree;
        this.prefix = dir + "/";
        NavigableSet<String> relative = new TreeSet<>();
        tree.filesUnder(dir).forEach(path -> relative.add(path.substring(prefix.length())));
        this.files = Collections.unmodifiableNavigableSet(relative);
    }

    /** The tree below {@code dir}; the tree itself when {@code dir} is empty. */
    public static SourceTree of(SourceTree tree, String dir) {
        return dir == null || dir.isEmpty() ? tree : new SubtreeSourceTree(tree, dir);
    }

    @Override
    public String revision() {
        return tree.revision();
    }

    @Override
    public NavigableSet<String> files() {
        return files;
    }

    @Override
    public Optional<byte[]> read(String path) {
        return tree.read(prefix + path);
    }

    @Override
    public Optional<String> contentId(String path) {
        return tree.contentId(prefix + path);
    }
}
