package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.cache.CacheFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The analysis cache as a user meets it: the same answers with and without it, and {@code strata cache}. */
class CacheCommandTest {

    @TempDir
    Path dir;

    @TempDir
    Path cache;

    private String[] impact(String base, String... more) {
        return Stream.concat(Stream.of("impact", "--config", dir.resolve("layers.yaml").toString(), "--base", base,
                "--head", "HEAD", "--format", "json"), Stream.of(more)).toArray(String[]::new);
    }

    @Test
    void theSameAnswerWithAColdCacheAWarmOneAndNone() throws Exception {
        ExampleSite.copyTo(dir);
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            git.add().addFilepattern(".").call();
            git.commit().setMessage("seed").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
            Path template = dir.resolve("roles/slurm/templates/slurm.conf.j2");
            Files.writeString(template, Files.readString(template) + "\n# {{ slurm_extra }}\n");
            git.add().addFilepattern(".").call();
            git.commit().setMessage("edit").setAuthor("t", "t@example.org").setCommitter("t", "t@example.org").setSign(false).call();
        }
        CliRun none = CliRun.of(impact("HEAD~1", "--no-cache"));
        assertEquals(0, none.exitCode(), none.err());
        assertEquals(0, CliRun.of("cache", "info", "--cache-dir", cache.toString()).out().lines()
                .filter(line -> line.startsWith("entries:  0 ")).count() - 1, "an empty cache to begin with");

        CliRun cold = CliRun.of(impact("HEAD~1", "--cache-dir", cache.toString()));
        CliRun warm = CliRun.of(impact("HEAD~1", "--cache-dir", cache.toString()));
        assertEquals(none.out(), cold.out());
        assertEquals(none.out(), warm.out());
        assertEquals("", warm.err());

        CliRun info = CliRun.of("cache", "info", "--cache-dir", cache.toString());
        assertEquals(0, info.exitCode(), info.err());
        assertTrue(info.out().contains("folder:   " + cache), info.out());
        assertTrue(info.out().lines().anyMatch(line -> line.matches("entries:  [1-9][0-9]* in 1 file\\(s\\)")), info.out());

        CliRun clear = CliRun.of("cache", "clear", "--cache-dir", cache.toString());
        assertEquals(0, clear.exitCode(), clear.err());
        assertTrue(CliRun.of("cache", "info", "--cache-dir", cache.toString()).out().contains("entries:  0 in 0 file(s)"));
    }

    @Test
    void aDamagedCacheFileIsOneWarningAndTheSameAnswer() throws Exception {
        theSameAnswerWithAColdCacheAWarmOneAndNone();
        CliRun none = CliRun.of(impact("HEAD~1", "--no-cache"));
        CliRun.of(impact("HEAD~1", "--cache-dir", cache.toString()));
        Path segment;
        try (Stream<Path> files = Files.list(cache)) {
            segment = files.filter(f -> f.toString().endsWith(".seg")).findFirst().orElseThrow();
        }
        Files.write(segment, new byte[] {'S', 'T', 'R'});
        CliRun damaged = CliRun.of(impact("HEAD~1", "--cache-dir", cache.toString()));
        assertEquals(0, damaged.exitCode(), damaged.err());
        assertEquals(none.out(), damaged.out());
        assertEquals(1, damaged.err().lines().count(), damaged.err());
        assertTrue(damaged.err().startsWith("warning: the analysis cache file " + segment + " is damaged"), damaged.err());
    }

    @Test
    void theSizeCapFromTheEnvironmentAndAWrongOneSaysWhatToWrite() {
        assertEquals(512L << 20, CacheFolder.maxBytes(Map.of()));
        assertEquals(64L << 20, CacheFolder.maxBytes(Map.of(CacheFolder.MAX_MIB_VARIABLE, " 64 ")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> CacheFolder.maxBytes(Map.of(CacheFolder.MAX_MIB_VARIABLE, "1G")));
        assertEquals("STRATA_CACHE_MAX_MB=1G: give the analysis cache's size cap as a whole number of MiB, e.g. 512", error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CacheFolder.maxBytes(Map.of(CacheFolder.MAX_MIB_VARIABLE, "0")));
    }

    @Test
    void noCacheAndACacheFolderTogetherAreRefused() throws Exception {
        ExampleSite.copyTo(dir);
        CliRun run = CliRun.of(impact("HEAD", "--no-cache", "--cache-dir", cache.toString()));
        assertEquals(StrataCommand.EXIT_USAGE, run.exitCode());
        assertEquals("error: give either --cache-dir or --no-cache, not both", run.err().strip());
    }
}
