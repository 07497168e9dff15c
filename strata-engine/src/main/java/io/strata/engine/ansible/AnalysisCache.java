package io.strata.engine.ansible;

import io.strata.engine.cache.AnalysisStore;
import io.strata.engine.parallel.Identity;
import io.strata.engine.parallel.Memo;
import io.strata.engine.source.SourceTree;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * What playbook analyses share: the summary of each file content (keyed by
 * {@link SourceTree#contentId}, so a file unchanged between two revisions is parsed once), and
 * per tree its unit fragments (role closures) and listings. Summaries are also kept between runs
 * in a persistent store, by the same content ids. Safe to use from several threads; keep one for
 * the analyses of both revisions of a change.
 */
public final class AnalysisCache {

    private final Map<SummaryKind, Memo<String, Object>> summaries = new EnumMap<>(SummaryKind.class);
    private final Memo<Identity<SourceTree>, TreeCache> trees = new Memo<>();
    private final AnalysisStore store;

    /** An empty cache, kept for this run only. */
    public AnalysisCache() {
        this(AnalysisStore.none());
    }

    /** An empty cache whose file summaries are also looked up in and written to a persistent store. */
    public AnalysisCache(AnalysisStore store) {
        this.store = store;
        for (SummaryKind kind : SummaryKind.values()) {
            summaries.put(kind, new Memo<>());
        }
    }

    /** The cache of one tree (trees are told apart by identity). */
    TreeCache of(SourceTree tree) {
        return trees.get(new Identity<>(tree), key -> new TreeCache());
    }

    /** A file's summary of one kind; null when the file does not exist. */
    Object summary(SourceTree tree, String path, SummaryKind kind) {
        String id = tree.contentId(path).orElse(null);
        if (id == null) {
            return null;
        }
        return summaries.get(kind).get(id, key -> load(tree, path, key, kind));
    }

    private Object load(SourceTree tree, String path, String id, SummaryKind kind) {
        String namespace = "summary/" + kind;
        byte[] stored = store.get(namespace, id);
        if (stored != null) {
            try {
                return SummaryCodec.decode(stored, kind);
            } catch (IllegalArgumentException e) {
                // Bytes that passed their checksum but are no summary: parse the file, and this run's
                // entry replaces the bad one.
            }
        }
        Object summary = read(tree.read(path).orElse(new byte[0]), kind);
        if (store.enabled()) {
            store.put(namespace, id, SummaryCodec.encode(summary));
        }
        return summary;
    }

    private static Object read(byte[] bytes, SummaryKind kind) {
        return switch (kind) {
            case PLAYBOOK -> PlayReader.playbook(ParsedFile.parse(bytes));
            case TASKS -> TaskReader.tasks(ParsedFile.parse(bytes));
            case VARS -> TaskReader.vars(ParsedFile.parse(bytes));
            case META -> TaskReader.meta(ParsedFile.parse(bytes));
            case TEMPLATE -> isText(bytes) ? TaskReader.template(new String(bytes, StandardCharsets.UTF_8))
                    : ContentSummary.NONE;
        };
    }

    private static boolean isText(byte[] bytes) {
        for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
            if (bytes[i] == 0) {
                return false;
            }
        }
        return true;
    }
}
