package io.strata.engine.cache;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A persistent cache of per-file analysis results, opened for one run: values keyed by a
 * namespace (what was derived) and a content id (the git blob id of the file), valid for the
 * running analyser only ({@link CacheVersion}), so an entry can never be stale. Safe from several
 * threads.
 *
 * <p>Several runs may share a folder (parallel CI executors on one agent): each run reads the
 * segments present when it first looks up an entry and, at {@link #flush()}, writes what it
 * derived as one new segment, prepared under another name and renamed into place, so no run reads
 * half-written entries. A damaged or foreign segment is ignored with a one-line warning and
 * removed; the run's own segment replaces what it held. Nothing here fails a run: a folder that
 * cannot be read or written only costs the parse it would have saved.
 */
public final class AnalysisStore {

    /** A run that merged entries from this many segments writes them again together. */
    private static final int MERGE_FROM = 2;

    private static final AnalysisStore NONE = new AnalysisStore(null, message -> { });

    private final CacheFolder folder;
    private final Consumer<String> warnings;
    private final String version;
    private volatile List<Segment> segments;
    private final Map<ByteBuffer, byte[]> derived = new ConcurrentHashMap<>();
    private final Map<ByteBuffer, byte[]> hits = new ConcurrentHashMap<>();
    private final Set<Segment> used = ConcurrentHashMap.newKeySet();
    private final Set<Segment> damaged = ConcurrentHashMap.newKeySet();

    private AnalysisStore(CacheFolder folder, Consumer<String> warnings) {
        this.folder = folder;
        this.warnings = warnings;
        this.version = folder == null ? "" : CacheVersion.current();
    }

    /** No cache: every lookup misses and nothing is written. */
    public static AnalysisStore none() {
        return NONE;
    }

    /**
     * The cache in a folder (created when first written).
     *
     * @param warnings where one-line warnings go (a damaged or foreign file, a folder that cannot
     *     be written)
     */
    public static AnalysisStore open(CacheFolder folder, Consumer<String> warnings) {
        return new AnalysisStore(folder, warnings);
    }

    /** Whether lookups may hit (false for {@link #none()}). */
    public boolean enabled() {
        return folder != null;
    }

    /** The value kept for a content id in a namespace, or null. */
    public byte[] get(String namespace, String id) {
        if (folder == null) {
            return null;
        }
        EntryName name = new EntryName(namespace, id);
        byte[] mine = derived.get(name.hash());
        if (mine != null) {
            return name.value(mine);
        }
        byte[] wanted = new byte[Segment.KEY_BYTES];
        name.hash().duplicate().get(wanted);
        for (Segment segment : segments()) {
            if (damaged.contains(segment)) {
                continue;
            }
            try {
                byte[] entry = segment.find(wanted);
                byte[] value = entry == null ? null : name.value(entry);
                if (value != null) {
                    used.add(segment);
                    hits.put(name.hash(), entry);
                    return value;
                }
            } catch (Segment.Unusable e) {
                if (damaged.add(segment)) {
                    warnings.accept(damagedMessage(segment.file(), e));
                }
            }
        }
        return null;
    }

    /** Keeps a value derived in this run, written at {@link #flush()}. */
    public void put(String namespace, String id, byte[] value) {
        if (folder != null) {
            EntryName name = new EntryName(namespace, id);
            derived.putIfAbsent(name.hash(), name.entry(value));
        }
    }

    /**
     * Writes what this run derived as a new segment (with what it read, when that came from
     * several segments, so the next run finds it in one, or from a damaged one), marks the segments it read from as
     * used, and keeps the folder within its cap. Warns instead of failing.
     */
    public void flush() {
        if (folder == null) {
            return;
        }
        for (Segment segment : damaged) {
            CacheFolder.remove(segment.file());
        }
        Set<Segment> readFrom = Set.copyOf(used);
        readFrom.forEach(segment -> CacheFolder.touch(segment.file()));
        // What was read from a damaged segment, which goes, is written again too.
        boolean merge = readFrom.size() >= MERGE_FROM || !damaged.isEmpty();
        if (derived.isEmpty() && !merge) {
            return;
        }
        SortedMap<ByteBuffer, byte[]> entries = new TreeMap<>(derived);
        if (merge) {
            hits.forEach(entries::putIfAbsent);
        }
        try {
            Path temporary = folder.temporaryDir().resolve(UUID.randomUUID() + ".tmp");
            try {
                Segment.write(temporary, version, entries);
                Path target = folder.dir().resolve(System.currentTimeMillis() + "-" + UUID.randomUUID() + Segment.SUFFIX);
                try {
                    Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
                    // By the same clock as the segments marked used above (the file system's may lag it).
                    CacheFolder.touch(target);
                } catch (AtomicMoveNotSupportedException e) {
                    throw new IOException("the file system of " + folder.dir() + " cannot rename atomically", e);
                }
            } finally {
                CacheFolder.remove(temporary);
            }
            folder.evict();
        } catch (IOException | RuntimeException e) {
            warnings.accept("cannot write the analysis cache in " + folder.dir() + " (" + e.getMessage()
                    + "); the next run analyses these files again");
        }
    }

    private List<Segment> segments() {
        List<Segment> open = segments;
        if (open == null) {
            synchronized (this) {
                open = segments;
                if (open == null) {
                    open = openSegments();
                    segments = open;
                }
            }
        }
        return open;
    }

    private List<Segment> openSegments() {
        List<Segment> open = new ArrayList<>();
        List<Path> foreign = new ArrayList<>();
        List<Path> files;
        try {
            files = folder.segments();
        } catch (RuntimeException e) {
            warnings.accept("cannot read the analysis cache in " + folder.dir() + " (" + e.getMessage()
                    + "); this run analyses every file");
            return List.of();
        }
        for (Path file : files) {
            try {
                open.add(Segment.open(file, version));
            } catch (Segment.Unusable e) {
                if (e.fault == Segment.Fault.FOREIGN) {
                    foreign.add(file);
                } else {
                    warnings.accept(damagedMessage(file, e));
                }
                CacheFolder.remove(file);
            } catch (IOException e) {
                // Evicted by another run between the listing and the read: not there.
            }
        }
        if (!foreign.isEmpty()) {
            warnings.accept("the analysis cache in " + folder.dir() + " held " + foreign.size()
                    + (foreign.size() == 1 ? " file" : " files") + " of another Strata build; ignored and removed,"
                    + " this run writes its own");
        }
        return List.copyOf(open);
    }

    private static String damagedMessage(Path file, Segment.Unusable e) {
        return "the analysis cache file " + file + " is damaged (" + e.getMessage() + "); ignored and removed,"
                + " this run writes its own";
    }
}
