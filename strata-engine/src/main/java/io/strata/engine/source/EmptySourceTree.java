package io.strata.engine.source;

import java.util.Collections;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.TreeSet;

/** A tree with no files: a repository before its first commit, or a file that does not exist. */
public final class EmptySourceTree implements SourceTree {

    /** The one empty tree. */
    public static final EmptySourceTree INSTANCE = new EmptySourceTree();

    private static final NavigableSet<String> NONE = Collections.unmodifiableNavigableSet(new TreeSet<>());

    private EmptySourceTree() {
    }

    @Override
    public String revision() {
        return null;
    }

    @Override
    public NavigableSet<String> files() {
        return NONE;
    }

    @Override
    public Optional<byte[]> read(String path) {
        return Optional.empty();
    }

    @Override
    public Optional<String> contentId(String path) {
        return Optional.empty();
    }
}
