package io.strata.engine.builder.leftovers;

import io.strata.engine.builder.process.ProcessWatcher;
import java.nio.file.Path;

/** Told of each thing a build takes and gives back that must not outlive it: containers, tool processes, secret files. */
public interface Holdings extends ProcessWatcher {

    /** Holds nothing: for work that leaves nothing behind (preflight probes, tests). */
    Holdings NONE = new Holdings() {
    };

    /** A working container was created. */
    default void containerCreated(String name) {
    }

    /** A working container was removed. */
    default void containerRemoved(String name) {
    }

    /** A file holding secrets (registry credentials) was written. */
    default void secretFileCreated(Path path) {
    }

    /** A file holding secrets was deleted. */
    default void secretFileRemoved(Path path) {
    }

    /** A scratch folder was created. */
    default void folderCreated(Path path) {
    }

    /** A scratch folder was deleted. */
    default void folderRemoved(Path path) {
    }
}
