package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.buildah.Buildah;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two roots listed by the build's own script (outside buildah), and what changed between them. */
class FileChangesTest {

    @TempDir
    Path dir;

    /** Runs image-contents.sh on a folder as the build runs it on a mounted root, and reads its listing. */
    private Map<String, FileEntry> list(Path root) throws IOException, InterruptedException {
        Path out = Files.createDirectories(dir.resolve("out-" + root.getFileName()));
        Process script = new ProcessBuilder("sh", "-c", Buildah.IMAGE_CONTENTS, "sh", root.toString(), out.toString())
                .redirectErrorStream(true).start();
        String output = new String(script.getInputStream().readAllBytes());
        assertTrue(script.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, script.exitValue(), output);
        return FileManifest.parse(Files.readAllBytes(out.resolve("files")), Files.readAllBytes(out.resolve("sums")));
    }

    private static Path write(Path root, String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, text);
    }

    @Test
    void addedRemovedAndChangedFilesWithWhatChangedAndTheirSizes() throws Exception {
        Path before = Files.createDirectories(dir.resolve("before"));
        write(before, "etc/slurm/slurm.conf", "SlurmctldHost=a\n");
        write(before, "etc/motd", "hello\n");
        write(before, "usr/bin/tool", "v1");
        write(before, "etc/odd name\nwith a newline\\", "x");
        Files.createSymbolicLink(before.resolve("etc/current"), Path.of("slurm/slurm.conf"));
        write(before, "var/log/build.log", "one");
        write(before, "etc/machine-id", "1111");

        Path after = Files.createDirectories(dir.resolve("after"));
        write(after, "etc/slurm/slurm.conf", "SlurmctldHost=b\nSlurmctldPort=6817\n");
        write(after, "usr/bin/tool", "v1");
        Files.setPosixFilePermissions(after.resolve("usr/bin/tool"), PosixFilePermissions.fromString("rwxr-xr-x"));
        write(after, "etc/odd name\nwith a newline\\", "x");
        Files.createSymbolicLink(after.resolve("etc/current"), Path.of("motd.d"));
        write(after, "usr/share/probe/version", "1.0\n");
        write(after, "var/log/build.log", "two, longer");
        write(after, "etc/machine-id", "2222");

        Map<String, FileEntry> old = list(before);
        Map<String, FileEntry> now = list(after);
        assertEquals("f", now.get("etc/odd name\nwith a newline\\").type(), "any name is kept");
        assertTrue(now.get("etc/slurm/slurm.conf").sha256().matches("[0-9a-f]{64}"));

        FileChanges changes = FileChanges.between(old, now, IgnoredPaths.DEFAULTS);
        assertEquals(List.of(new FileChanges.Change("usr/share", List.of(), -1, now.get("usr/share").size()),
                new FileChanges.Change("usr/share/probe", List.of(), -1, now.get("usr/share/probe").size()),
                new FileChanges.Change("usr/share/probe/version", List.of(), -1, 4)), changes.added());
        assertEquals(List.of(new FileChanges.Change("etc/motd", List.of(), 6, -1)), changes.removed());
        assertEquals(List.of(new FileChanges.Change("etc/current", List.of("target"), 16, 6),
                new FileChanges.Change("etc/slurm/slurm.conf", List.of("content"), 16, 35),
                new FileChanges.Change("usr/bin/tool", List.of("mode"), 2, 2)), changes.changed(),
                "logs and the machine id change on every build and are left out");
        assertEquals(7, changes.count(), "three added, one removed, three changed; the log and the machine id left out");
        assertTrue(changes.bytesAfter() > changes.bytesBefore());
    }

    @Test
    void theSameRootChangesNothing() throws Exception {
        Path root = Files.createDirectories(dir.resolve("same"));
        write(root, "etc/a", "a");
        Map<String, FileEntry> files = list(root);
        assertEquals(0, FileChanges.between(files, files, IgnoredPaths.DEFAULTS).count());
    }

    @Test
    void aFirstBuildAddsEveryFileButTheIgnoredOnes() throws Exception {
        Path root = Files.createDirectories(dir.resolve("first"));
        write(root, "etc/a", "a");
        write(root, "var/cache/apt/pkgcache.bin", "cache");
        FileChanges changes = FileChanges.between(Map.of(), list(root), IgnoredPaths.DEFAULTS);
        assertEquals(List.of("etc", "etc/a", "var"), changes.added().stream().map(FileChanges.Change::path).toList(),
                "var/cache and what it holds are left out");
        assertFalse(IgnoredPaths.DEFAULTS.matches("var/cachefile"), "a folder pattern matches that folder only");
        assertTrue(IgnoredPaths.DEFAULTS.matches("var/cache"));
    }

    @Test
    void aLinkInTheImageNeverCopiesAFileOfThisHost() throws Exception {
        Path root = Files.createDirectories(dir.resolve("links"));
        Files.createSymbolicLink(root.resolve("var"), Path.of("/var"));
        Files.createDirectories(root.resolve("usr"));
        Files.createSymbolicLink(root.resolve("usr/lib"), Path.of("/usr/lib"));
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("/etc/os-release"));
        list(root);
        Path out = dir.resolve("out-links");
        assertFalse(Files.exists(out.resolve("dpkg-status")), "var is a link out of the image");
        assertFalse(Files.exists(out.resolve("os-release")), "so are usr/lib and etc/os-release");
    }

    @Test
    void theDatabaseAndOsReleaseOfAPlainRootAreCopied() throws Exception {
        Path root = Files.createDirectories(dir.resolve("plain"));
        write(root, "var/lib/dpkg/status", "Package: a\n");
        write(root, "usr/lib/os-release", "ID=debian\n");
        Files.createDirectories(root.resolve("etc"));
        Files.createSymbolicLink(root.resolve("etc/os-release"), Path.of("../usr/lib/os-release"));
        list(root);
        assertEquals("ID=debian\n", Files.readString(dir.resolve("out-plain/os-release")));
        assertTrue(Files.exists(dir.resolve("out-plain/dpkg-status")));
    }

    @Test
    void aListingCutShortIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> FileManifest.parse("etc\0d\0755\00\00\04096\0".getBytes(), new byte[0]));
        assertThrows(IllegalArgumentException.class, () -> FileManifest.parse("etc\0d\0755\00\00\04096\0\0etc".getBytes(), new byte[0]));
    }
}
