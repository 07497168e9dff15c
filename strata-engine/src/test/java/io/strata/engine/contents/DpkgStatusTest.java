package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Installed packages from dpkg's status file, and how two images' packages differ. */
class DpkgStatusTest {

    private static final String STATUS = """
            Package: libc6
            Status: install ok installed
            Priority: optional
            Installed-Size: 12988
            Architecture: amd64
            Multi-Arch: same
            Version: 2.36-9+deb12u4
            Description: GNU C Library: Shared libraries
             Contains the standard libraries that are used by nearly all programs on
             the system.
            Conffiles:
             /etc/ld.so.conf.d/x86_64-linux-gnu.conf d4e7a7b88a71b5ffd9e2644e71a0cfab

            Package: libc6
            Status: install ok installed
            Architecture: i386
            Version: 2.36-9+deb12u4
            Installed-Size: 13000

            Package: slurm-client
            Status: hold ok installed
            Architecture: amd64
            Version: 22.05.8-4
            Installed-Size: 4000

            Package: old-tool
            Status: deinstall ok config-files
            Architecture: amd64
            Version: 1.0-1

            Package: half
            Status: install ok unpacked
            Architecture: all
            Version: 3
            """;

    @Test
    void installedPackagesOnlyByNameAndArchitecture() {
        Map<String, InstalledPackage> packages = DpkgStatus.parse(STATUS);
        assertEquals(List.of("libc6:amd64", "libc6:i386", "slurm-client:amd64"), List.copyOf(packages.keySet()));
        assertEquals(new InstalledPackage("libc6", "amd64", "2.36-9+deb12u4", 12988), packages.get("libc6:amd64"));
        assertEquals("22.05.8-4", packages.get("slurm-client:amd64").version(), "a held package is installed");
    }

    @Test
    void anInstalledPackageWithoutAVersionIsAnErrorWithItsLine() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> DpkgStatus.parse("Package: a\nStatus: install ok installed\nVersion: 1\n\nPackage: b\nStatus: install ok installed\n"));
        assertEquals("line 5: an installed package without a Version field", error.getMessage());
    }

    @Test
    void changesSortedIntoAddedRemovedUpgradedAndDowngraded() {
        Map<String, InstalledPackage> before = DpkgStatus.parse(STATUS);
        String after = STATUS.replace("Version: 22.05.8-4", "Version: 22.05.8-4+deb12u1")
                .replace("Package: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.36-9+deb12u4",
                        "Package: libc6\nStatus: install ok installed\nArchitecture: i386\nVersion: 2.36-9")
                .replace("Package: old-tool\nStatus: deinstall ok config-files", "Package: old-tool\nStatus: install ok installed")
                .replace("Package: libc6\nStatus: install ok installed\nPriority: optional", "Package: libc6\nStatus: deinstall ok config-files\nPriority: optional");
        PackageChanges changes = PackageChanges.between(before, DpkgStatus.parse(after), DebianVersion.ORDER);
        assertEquals(List.of(new PackageChanges.Change("old-tool", "amd64", null, "1.0-1")), changes.added());
        assertEquals(List.of(new PackageChanges.Change("libc6", "amd64", "2.36-9+deb12u4", null)), changes.removed());
        assertEquals(List.of(new PackageChanges.Change("slurm-client", "amd64", "22.05.8-4", "22.05.8-4+deb12u1")), changes.upgraded());
        assertEquals(List.of(new PackageChanges.Change("libc6", "i386", "2.36-9+deb12u4", "2.36-9")), changes.downgraded());
        assertEquals("+1 -1 ~2 pkgs", changes.summary());
        assertTrue(PackageChanges.between(before, before, DebianVersion.ORDER).isEmpty());
    }

    @Test
    void aFirstBuildAddsEveryPackage() {
        PackageChanges changes = PackageChanges.between(Map.of(), DpkgStatus.parse(STATUS), DebianVersion.ORDER);
        assertEquals(3, changes.added().size());
        assertEquals("+3 -0 ~0 pkgs", changes.summary());
    }
}
