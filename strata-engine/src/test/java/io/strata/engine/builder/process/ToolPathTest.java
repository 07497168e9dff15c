package io.strata.engine.builder.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ToolPathTest {

    @TempDir
    Path dir;

    @Test
    void theSystemFoldersALoginPathLacksAreAddedAfterTheUsersOwn() {
        assertEquals("/opt/tools/bin:/usr/local/bin:/usr/bin:/bin:/usr/local/sbin:/usr/sbin:/sbin",
                ToolPath.of("/opt/tools/bin:/usr/local/bin:/usr/bin:/bin").value());
        assertEquals(String.join(":", ToolPath.SYSTEM_DIRS), ToolPath.of(null).value());
        assertEquals(String.join(":", ToolPath.SYSTEM_DIRS), ToolPath.of("::").value());
    }

    @Test
    void aToolTheUserInstalledWinsOverTheSystemsAndAFolderIsNotAProgram() throws IOException {
        Path own = dir.resolve("chroot");
        Files.writeString(own, "#!/bin/sh\n");
        Files.setPosixFilePermissions(own, PosixFilePermissions.fromString("rwxr-xr-x"));
        assertEquals(own, ToolPath.of(dir.toString()).find("chroot").orElseThrow());
        assertEquals(Path.of("/usr/sbin/chroot"), ToolPath.of("/usr/bin:/bin").find("chroot").orElseThrow());
        Files.createDirectory(dir.resolve("sub"));
        assertTrue(ToolPath.of(dir.toString()).find("sub").isEmpty());
        assertTrue(ToolPath.of(dir.toString()).find(dir.resolve("sub").toString()).isEmpty());
        assertEquals(own, ToolPath.of("").find(own.toString()).orElseThrow());
    }
}
