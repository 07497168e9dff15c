package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.contents.FileChanges;
import io.strata.engine.contents.ImageChanges;
import io.strata.engine.contents.PackageChanges;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code strata diff}'s text and its usage errors (the images themselves: PackageChangesTest, end to end). */
class DiffCommandTest {

    @Test
    void theTextListsEachPackageAndFileWithVersionsAndSizes() {
        PackageChanges packages = new PackageChanges(List.of(new PackageChanges.Change("munge", "amd64", null, "0.5.15-2")),
                List.of(), List.of(new PackageChanges.Change("slurm-wlm", "amd64", "22.05.8-4", "22.05.8-5")), List.of());
        FileChanges files = new FileChanges(List.of(new FileChanges.Change("etc/munge/munge.key", List.of(), -1, 1024)), List.of(),
                List.of(new FileChanges.Change("etc/slurm/slurm.conf", List.of("content", "mode"), 900, 920)), 3 * 1048576L,
                3 * 1048576L + 1048576 / 10);
        assertEquals("""
                Packages: +1 -0 ~1 pkgs
                  added      munge:amd64 - -> 0.5.15-2
                  upgraded   slurm-wlm:amd64 22.05.8-4 -> 22.05.8-5
                Files: 2 changes, 3.0 MiB -> 3.1 MiB in regular files
                  added      etc/munge/munge.key - -> 1024
                  changed    etc/slurm/slurm.conf [content, mode] 900 -> 920
                """, DiffCommand.text(new ImageChanges(packages, files, null)));
    }

    @Test
    void imagesWithoutPackageDatabasesSaySo() {
        FileChanges none = new FileChanges(List.of(), List.of(), List.of(), 10, 10);
        assertEquals("Packages: not compared (the second image has no package database this host can read)\nFiles: 0 changes, 10 bytes -> 10 bytes"
                + " in regular files\n", DiffCommand.text(new ImageChanges(null, none, null)));
    }

    @Test
    void twoImagesAreNeeded() {
        CliRun run = CliRun.of("diff", "localhost/ca/a:1");
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().contains("Missing required parameter: 'AFTER'"), run.err());
    }
}
