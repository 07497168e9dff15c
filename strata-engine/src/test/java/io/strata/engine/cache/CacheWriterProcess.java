package io.strata.engine.cache;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A test's second process on one cache folder: runs several analyses' worth of lookups and
 * writes, each entry's value a function of its key, and exits 1 when it read a wrong value or a
 * warning was given.
 */
public final class CacheWriterProcess {

    private CacheWriterProcess() {
    }

    /** Arguments: the folder, this writer's name, how many runs, entries per run. */
    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String writer = args[1];
        int runs = Integer.parseInt(args[2]);
        int entries = Integer.parseInt(args[3]);
        List<String> problems = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            AnalysisStore store = AnalysisStore.open(new CacheFolder(dir, CacheFolder.DEFAULT_MAX_BYTES), problems::add);
            for (int i = 0; i < entries; i++) {
                // Half the keys are shared by every writer, half are this writer's.
                String id = (i % 2 == 0 ? "shared-" : writer + "-") + run + "-" + i;
                byte[] found = store.get("test", id);
                if (found != null && !new String(found, StandardCharsets.UTF_8).equals(value(id))) {
                    problems.add("wrong value for " + id);
                }
                if (found == null) {
                    store.put("test", id, value(id).getBytes(StandardCharsets.UTF_8));
                }
            }
            store.flush();
        }
        problems.forEach(System.err::println);
        System.exit(problems.isEmpty() ? 0 : 1);
    }

    /** The value every writer stores for a key. */
    static String value(String id) {
        return "value of " + id + " ".repeat(id.length() % 7);
    }
}
