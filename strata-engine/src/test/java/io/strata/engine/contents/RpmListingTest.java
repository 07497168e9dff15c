package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.buildah.Buildah;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An RPM-based root's packages, listed by {@code image-contents.sh} with this host's rpm (a root
 * whose database rpm itself wrote: {@code rpmbuild} makes a package, {@code rpm --justdb}
 * registers it), read into a snapshot, compared and written into the SBOM.
 */
class RpmListingTest {

    @TempDir
    Path dir;

    @Test
    void listingParsesNameEpochVersionReleaseArchitectureAndLeavesKeysOut() {
        Map<String, InstalledPackage> packages = RpmDatabase.parse("bash\t0\t5.1.8\t9.el9\tx86_64\t7738634\n"
                + "gpg-pubkey\t0\t5a6340b3\t6229229e\t(none)\t0\nshadow-utils\t2\t4.9\t8.el9\tx86_64\t3790000\n");
        assertEquals(List.of("bash:x86_64", "shadow-utils:x86_64"), List.copyOf(packages.keySet()));
        assertEquals(new InstalledPackage("shadow-utils", "x86_64", "2:4.9-8.el9", 3701), packages.get("shadow-utils:x86_64"));
        assertEquals("5.1.8-9.el9", packages.get("bash:x86_64").version());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> RpmDatabase.parse("bash\t0\t5.1.8\n"));
        assertTrue(error.getMessage().startsWith("rpm listing line 1 has not the six fields"), error.getMessage());
    }

    @Test
    void theListingScriptReadsACopyOfTheDatabaseAndTheChangesAndSbomFollow() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/rpm")) && Files.isExecutable(Path.of("/usr/bin/rpmbuild")),
                "rpm and rpmbuild are missing: apt-get install rpm");
        Path root = Files.createDirectories(dir.resolve("root"));
        Files.createDirectories(root.resolve("usr/lib/sysimage/rpm"));
        Files.createDirectories(root.resolve("etc"));
        Files.writeString(root.resolve("etc/os-release"), "NAME=\"Rocky Linux\"\nID=\"rocky\"\n");
        run("rpm", "--root", root.toString(), "--dbpath", "/usr/lib/sysimage/rpm", "--initdb");
        Path before = listing(root, "before");
        run("rpm", "--root", root.toString(), "--dbpath", "/usr/lib/sysimage/rpm", "-i", "--justdb", "--nodeps", "--noscripts",
                "--ignorearch", "--ignoreos", probe("2", "1.2", "3.el9").toString());
        List<String> database = files(root.resolve("usr/lib/sysimage/rpm"));

        ImageSnapshot after = ImageSnapshot.read(listing(root, "after"));
        assertEquals(database, files(root.resolve("usr/lib/sysimage/rpm")), "the image's database gains no lock or journal file");
        assertEquals(PackageFormat.RPM, after.format());
        assertEquals("rocky", after.distribution());
        assertEquals(Map.of("strata-probe:noarch", new InstalledPackage("strata-probe", "noarch", "2:1.2-3.el9", 0)), after.packages());
        ImageChanges changes = after.changesFrom(ImageSnapshot.read(before), IgnoredPaths.DEFAULTS);
        assertEquals("+1 -0 ~0 pkgs", changes.packages().summary());
        String sbom = after.sbom("reg.example.org/ca/rocky-base:1");
        assertEquals(List.of(), Sbom.problems(sbom));
        assertTrue(sbom.contains("\"purl\" : \"pkg:rpm/rocky/strata-probe@1.2-3.el9?arch=noarch&epoch=2\""), sbom);
    }

    /** Lists the root into a folder named {@code name}, as a build does (the script, an argument vector). */
    private Path listing(Path root, String name) throws Exception {
        Path out = Files.createDirectories(dir.resolve(name));
        run("sh", "-c", Buildah.IMAGE_CONTENTS, "sh", root.toString(), out.toString());
        return out;
    }

    /** A noarch package built by rpmbuild from a one-file spec. */
    private Path probe(String epoch, String version, String release) throws Exception {
        Path top = Files.createDirectories(dir.resolve("rpmbuild"));
        Path spec = top.resolve("probe.spec");
        Files.writeString(spec, """
                Name: strata-probe
                Version: %s
                Release: %s
                Epoch: %s
                Summary: probe
                License: MIT
                BuildArch: noarch
                %%description
                probe
                %%files
                """.formatted(version, release, epoch));
        run("rpmbuild", "--define", "_topdir " + top, "-bb", spec.toString());
        try (Stream<Path> built = Files.walk(top.resolve("RPMS"))) {
            return built.filter(p -> p.toString().endsWith(".rpm")).findFirst().orElseThrow();
        }
    }

    private static List<String> files(Path folder) throws IOException {
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private void run(String... argv) throws Exception {
        Process process = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(dir.resolve("run.log").toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), String.join(" ", argv));
        assertEquals(0, process.exitValue(), () -> String.join(" ", argv) + ":\n" + read(dir.resolve("run.log")));
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
