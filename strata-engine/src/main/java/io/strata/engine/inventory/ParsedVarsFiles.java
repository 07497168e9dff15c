package io.strata.engine.inventory;

import io.strata.engine.config.Problem;
import io.strata.engine.parallel.Memo;
import java.util.function.Supplier;

/**
 * Inventory vars files as read, by path, place and text: the loads of a site's two revisions
 * share one, so that a file unchanged between them is parsed once. Safe from several threads; a
 * file asked for while another thread parses it waits for that parse.
 */
public final class ParsedVarsFiles {

    /** A vars file as read: its source (its variables, or why it is opaque) and its problem, if any. */
    record Read(VarsSource source, Problem problem) {
    }

    /** A file's path, scope, owner and text. */
    private record Key(String path, VarsSource.Scope scope, String owner, String text) {
        // A hash key of the load: the generated equals and hashCode run through method handles,
        // slow in a short run (docs/benchmarks.md).
        @Override
        public boolean equals(Object object) {
            return object instanceof Key other && path.equals(other.path) && scope == other.scope
                    && owner.equals(other.owner) && text.equals(other.text);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * (31 * path.hashCode() + scope.hashCode()) + owner.hashCode()) + text.hashCode();
        }
    }

    private final Memo<Key, Read> reads = Memo.singleFlight();

    /** The file as read before, or as {@code parse} reads it now. */
    Read get(String path, VarsSource.Scope scope, String owner, String text, Supplier<Read> parse) {
        return reads.get(new Key(path, scope, owner, text), key -> parse.get());
    }
}
