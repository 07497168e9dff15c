package io.strata.engine.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The persistent cache as runs use it: what one run writes the next reads, and nothing wrong is ever read. */
class AnalysisStoreTest {

    @TempDir
    Path dir;

    private final List<String> warnings = new ArrayList<>();

    private AnalysisStore open(long maxBytes) {
        return AnalysisStore.open(new CacheFolder(dir, maxBytes), warnings::add);
    }

    private AnalysisStore open() {
        return open(CacheFolder.DEFAULT_MAX_BYTES);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** One run that stores the given ids, each with the value "value of ID". */
    private void run(String... ids) {
        AnalysisStore store = open();
        for (String id : ids) {
            store.put("summary", id, bytes("value of " + id));
        }
        store.flush();
    }

    private List<Path> segments() throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.toString().endsWith(Segment.SUFFIX)).sorted().toList();
        }
    }

    @Test
    void aLaterRunReadsWhatAnEarlierOneDerived() {
        run("a", "b");
        AnalysisStore next = open();
        assertArrayEquals(bytes("value of a"), next.get("summary", "a"));
        assertArrayEquals(bytes("value of b"), next.get("summary", "b"));
        assertNull(next.get("summary", "c"), "never derived");
        assertNull(next.get("other-kind", "a"), "a namespace keeps its own entries");
        assertEquals(List.of(), warnings);
    }

    @Test
    void noCacheReadsAndWritesNothing() throws IOException {
        AnalysisStore none = AnalysisStore.none();
        none.put("summary", "a", bytes("x"));
        none.flush();
        assertNull(none.get("summary", "a"));
        assertEquals(List.of(), segments());
    }

    @Test
    void aDamagedEntryIsIgnoredWithOneWarningAndReplaced() throws IOException {
        run("a", "b");
        Path segment = segments().get(0);
        byte[] content = Files.readAllBytes(segment);
        // The values are at the end of the file: change the last byte of the last one.
        content[content.length - 1] ^= 0x55;
        Files.write(segment, content);

        AnalysisStore damaged = open();
        int found = 0;
        for (String id : List.of("a", "b")) {
            byte[] value = damaged.get("summary", id);
            if (value != null) {
                assertArrayEquals(bytes("value of " + id), value, "a value read is never a damaged one");
                found++;
            } else {
                damaged.put("summary", id, bytes("value of " + id));
            }
        }
        assertTrue(found < 2, "the damaged entry was read");
        assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
        assertTrue(warnings.get(0).contains("is damaged") && warnings.get(0).contains(segment.toString()), warnings.get(0));
        damaged.flush();

        assertFalse(Files.exists(segment), "the damaged file is removed");
        warnings.clear();
        AnalysisStore next = open();
        assertArrayEquals(bytes("value of a"), next.get("summary", "a"));
        assertArrayEquals(bytes("value of b"), next.get("summary", "b"));
        assertEquals(List.of(), warnings);
    }

    @Test
    void aTruncatedFileIsIgnoredWithOneWarning() throws IOException {
        run("a", "b");
        Path segment = segments().get(0);
        byte[] content = Files.readAllBytes(segment);
        Files.write(segment, java.util.Arrays.copyOf(content, content.length - 3));

        assertNull(open().get("summary", "a"));
        assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
        assertTrue(warnings.get(0).contains("truncated"), warnings.get(0));
        assertFalse(Files.exists(segment), "removed, to be written again");
    }

    @Test
    void garbageInTheFolderIsNeverRead() throws IOException {
        Files.writeString(dir.resolve("1-garbage" + Segment.SUFFIX), "not a segment at all");
        assertNull(open().get("summary", "a"));
        assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
    }

    @Test
    void anotherBuildsEntriesAreNeverReadAndAreReplaced() throws IOException {
        // The very entry this build would write, written by "another build".
        EntryName name = new EntryName("summary", "a");
        Path foreign = dir.resolve("1-foreign" + Segment.SUFFIX);
        Segment.write(foreign, "0.0.1 1999-01-01T00:00:00Z", new TreeMap<>(Map.of(name.hash(), name.entry(bytes("another build's value")))));

        AnalysisStore store = open();
        assertNull(store.get("summary", "a"), "an entry of another analyser build is not read");
        assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
        assertTrue(warnings.get(0).contains("another Strata build"), warnings.get(0));
        store.put("summary", "a", bytes("value of a"));
        store.flush();
        assertFalse(Files.exists(foreign));
        assertArrayEquals(bytes("value of a"), open().get("summary", "a"));
    }

    @Test
    void anEntryOfAnotherNameUnderTheSameHashIsNeverRead() throws IOException {
        // As if two names shared a hash: the entry found is another name's, and is not this one's value.
        EntryName wanted = new EntryName("summary", "a");
        EntryName other = new EntryName("summary", "b");
        Segment.write(dir.resolve("1-collision" + Segment.SUFFIX), CacheVersion.current(),
                new TreeMap<>(Map.of(wanted.hash(), other.entry(bytes("value of b")))));
        assertNull(open().get("summary", "a"));
        assertEquals(List.of(), warnings, "a shared hash is no damage");
    }

    @Test
    void theLeastRecentlyUsedSegmentsGoWhenTheCapIsReached() throws IOException {
        run("old");
        Path old = segments().get(0);
        Files.setLastModifiedTime(old, FileTime.from(Instant.now().minusSeconds(3600)));
        run("used");
        Path used = segments().stream().filter(p -> !p.equals(old)).findFirst().orElseThrow();
        Files.setLastModifiedTime(used, FileTime.from(Instant.now().minusSeconds(7200)));
        long size = Files.size(old);

        // A run that reads from the older segment marks it used; the other stays old.
        assertArrayEquals(bytes("value of used"), open().get("summary", "used"));
        AnalysisStore reader = open();
        reader.get("summary", "used");
        reader.flush();

        AnalysisStore capped = open(2 * size + size / 2);
        capped.put("summary", "new", bytes("value of new"));
        capped.flush();
        List<Path> left = segments();
        assertEquals(2, left.size(), () -> "two segments fit the cap: " + left);
        assertFalse(left.contains(old), "the least recently used segment is evicted");
        assertTrue(left.contains(used), "a segment read from is kept");
        AnalysisStore next = open();
        assertNull(next.get("summary", "old"));
        assertArrayEquals(bytes("value of new"), next.get("summary", "new"));
    }

    @Test
    void entriesReadFromSeveralSegmentsAreWrittenTogether() throws IOException {
        run("a");
        run("b");
        AnalysisStore store = open();
        store.get("summary", "a");
        store.get("summary", "b");
        store.flush();
        List<Path> all = segments();
        assertEquals(3, all.size());
        CacheFolder folder = new CacheFolder(dir, CacheFolder.DEFAULT_MAX_BYTES);
        Path newest = folder.segments().get(0);
        assertEquals(2, folderSizeOf(newest), "the newest segment holds both entries");
    }

    private int folderSizeOf(Path segment) throws IOException {
        try {
            return Segment.open(segment, CacheVersion.current()).size();
        } catch (Segment.Unusable e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void clearEmptiesTheFolderAndInfoCountsIt() {
        run("a", "b", "c");
        CacheFolder folder = new CacheFolder(dir, CacheFolder.DEFAULT_MAX_BYTES);
        CacheFolder.Info info = folder.info();
        assertEquals(1, info.segments());
        assertEquals(3, info.entries());
        assertTrue(info.bytes() > 0);
        assertEquals(CacheVersion.current(), info.version());
        assertTrue(folder.clear() > 0);
        assertEquals(0, folder.info().entries());
        assertNull(open().get("summary", "a"));
    }

    @Test
    void aFolderThatCannotBeWrittenOnlyWarns() throws IOException {
        Path file = dir.resolve("a-file");
        Files.writeString(file, "x");
        AnalysisStore store = AnalysisStore.open(new CacheFolder(file.resolve("cache"), CacheFolder.DEFAULT_MAX_BYTES),
                warnings::add);
        assertNull(store.get("summary", "a"));
        store.put("summary", "a", bytes("value of a"));
        store.flush();
        assertEquals(1, warnings.size(), () -> "one warning: " + warnings);
        assertTrue(warnings.get(0).startsWith("cannot write the analysis cache in " + file.resolve("cache")), warnings.get(0));
    }

    @Test
    void twoProcessesWritingAtOnceNeverReadAWrongOrHalfWrittenEntry() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classPath = System.getProperty("java.class.path");
        List<Process> writers = new ArrayList<>();
        for (String name : List.of("one", "two")) {
            writers.add(new ProcessBuilder(java, "-cp", classPath, CacheWriterProcess.class.getName(), dir.toString(), name,
                    "8", "3000").redirectErrorStream(true).start());
        }
        for (Process writer : writers) {
            assertTrue(writer.waitFor(120, TimeUnit.SECONDS), "a writer did not finish");
            String output = new String(writer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(0, writer.exitValue(), output);
        }
        AnalysisStore store = open();
        for (String name : List.of("one", "two", "shared")) {
            for (int run = 0; run < 8; run++) {
                for (int i = name.equals("shared") ? 0 : 1; i < 3000; i += 2) {
                    String id = name + "-" + run + "-" + i;
                    assertArrayEquals(bytes(CacheWriterProcess.value(id)), store.get("test", id), id);
                }
            }
        }
        assertEquals(List.of(), warnings);
        try (var left = Files.list(dir.resolve("tmp"))) {
            assertEquals(0, left.count(), "no temporary file is left");
        }
    }
}
