package io.strata.engine.builder.packages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.Problem;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PackageBackendsTest {

    private static final Path ROOT = Path.of("/w/rootfs");
    private static final Path WORK = Path.of("/w");

    private static PackageList parse(String yaml) {
        return PackageListParser.parse("packages.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aptRootIsMmdebstrapIntoTheMountWithASourcesListThenRemovalsAndCommandsInside() {
        PackageList list = parse("""
                manager: apt
                release: bookworm
                repos:
                  - {alias: debian, url: 'http://deb.debian.org/debian'}
                  - {alias: security, url: 'http://deb.debian.org/debian-security', suite: bookworm-security, components: 'main contrib'}
                  - {alias: local, url: 'file:///srv/repo', gpgcheck: false}
                packages: [python3, ca-certificates]
                remove_packages: [nano]
                cmds:
                  - [sh, -c, 'echo clusterA > /etc/cluster-name']
                """);
        RootRecipe recipe = PackageBackend.of("apt").recipe(list, ROOT, WORK);
        assertEquals(Map.of(Path.of("/w/sources.list"), """
                deb http://deb.debian.org/debian bookworm main
                deb http://deb.debian.org/debian-security bookworm-security main contrib
                deb [trusted=yes] file:///srv/repo bookworm main
                """), recipe.files());
        assertEquals(List.of(
                new RootStep("mmdebstrap bookworm", List.of("mmdebstrap", "--variant=minbase", "--include=python3,ca-certificates",
                        AptBackend.CLEANUP_HOOK, "bookworm", "/w/rootfs", "/w/sources.list"), false),
                new RootStep("remove_packages", List.of("chroot", "/w/rootfs", "env", "DEBIAN_FRONTEND=noninteractive", "apt-get", "-y",
                        "purge", "nano"), true),
                new RootStep("cmds: sh -c echo clusterA > /etc/cluster-name",
                        List.of("chroot", "/w/rootfs", "sh", "-c", "echo clusterA > /etc/cluster-name"), true)), recipe.steps());
    }

    @Test
    void dnfInstallsIntoTheInstallrootFromTheListedRepositoriesOnly() {
        PackageList list = parse("""
                manager: dnf
                release: '9'
                repos:
                  - {alias: BaseOS, url: 'https://mirror.example.org/rocky/9/BaseOS/x86_64/os/', gpgcheck: true}
                  - {alias: AppStream, url: 'https://mirror.example.org/rocky/9/AppStream/x86_64/os/'}
                package_groups: ['Minimal Install']
                packages: [kernel, python3, openssh-server, chrony]
                remove_packages: [firewalld]
                cmds:
                  - [systemctl, enable, sshd]
                """);
        RootRecipe recipe = PackageBackend.of("dnf").recipe(list, ROOT, WORK);
        assertEquals(Map.of(), recipe.files());
        assertEquals(List.of(
                List.of("dnf", "-y", "--installroot=/w/rootfs", "--releasever=9", "--disablerepo=*",
                        "--repofrompath=BaseOS,https://mirror.example.org/rocky/9/BaseOS/x86_64/os/", "--enablerepo=BaseOS",
                        "--setopt=BaseOS.gpgcheck=1",
                        "--repofrompath=AppStream,https://mirror.example.org/rocky/9/AppStream/x86_64/os/", "--enablerepo=AppStream",
                        "--setopt=install_weak_deps=False", "install", "@Minimal Install", "kernel", "python3", "openssh-server", "chrony"),
                List.of("dnf", "-y", "--installroot=/w/rootfs", "--releasever=9", "--disablerepo=*", "remove", "firewalld"),
                List.of("chroot", "/w/rootfs", "systemctl", "enable", "sshd")),
                recipe.steps().stream().map(RootStep::argv).toList());
        assertEquals(List.of(false, false, true), recipe.steps().stream().map(RootStep::insideRoot).toList());
    }

    @Test
    void zypperAddsTheRepositoriesToTheNewRootRefreshesThenInstallsPatternsAndPackages() {
        PackageList list = parse("""
                manager: zypper
                release: '15.5'
                repos:
                  - {alias: oss, url: 'https://download.opensuse.org/distribution/leap/15.5/repo/oss/', gpgcheck: false}
                package_groups: [base]
                packages: [python3, openssh]
                remove_packages: [vim]
                """);
        RootRecipe recipe = PackageBackend.of("zypper").recipe(list, ROOT, WORK);
        List<String> base = List.of("zypper", "--non-interactive", "--releasever", "15.5", "--root", "/w/rootfs");
        assertEquals(List.of(
                concat(base, "addrepo", "--no-gpgcheck", "https://download.opensuse.org/distribution/leap/15.5/repo/oss/", "oss"),
                List.of("zypper", "--non-interactive", "--gpg-auto-import-keys", "--releasever", "15.5", "--root", "/w/rootfs", "refresh"),
                concat(base, "install", "--no-recommends", "-t", "pattern", "base"),
                concat(base, "install", "--no-recommends", "python3", "openssh"),
                concat(base, "remove", "vim")), recipe.steps().stream().map(RootStep::argv).toList());
    }

    private static List<String> concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all;
    }

    @Test
    void namesThatCouldBeReadAsOptionsOrShellAreRejectedWithTheirLines() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                manager: apt
                release: bookworm
                repos:
                  - {alias: debian, url: 'http://deb.debian.org/debian --foo'}
                packages: [python3, --allow-unauthenticated, 'vim;reboot']
                cmds:
                  - 'rm -rf /'
                """));
        List<Problem> problems = e.problems();
        assertEquals(4, problems.size(), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.key().equals("url") && p.location().line() == 4), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("'--allow-unauthenticated'") && p.location().line() == 5),
                e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("'vim;reboot'")), e.getMessage());
        assertTrue(problems.stream().anyMatch(p -> p.key().equals("cmds") && p.location().line() == 7), e.getMessage());
    }

    @Test
    void missingManagerUnknownKeysAndAptWithoutSuiteOrRepositoryAreExplained() {
        ConfigException e = assertThrows(ConfigException.class, () -> parse("""
                manager: apt
                packages: [python3]
                package_groups: [base]
                mirror: x
                """));
        String text = e.getMessage();
        assertTrue(text.contains("an apt root needs the suite"), text);
        assertTrue(text.contains("an apt root needs a repository"), text);
        assertTrue(text.contains("apt has no package groups"), text);
        assertTrue(text.contains("unknown key in a package list (key 'mirror')"), text);
        assertTrue(assertThrows(ConfigException.class, () -> parse("manager: pacman\npackages: [a]\n")).getMessage()
                .contains("unknown package manager 'pacman'"));
    }

    @Test
    void theParsedValueIgnoresFormatting() {
        PackageList a = parse("manager: apt\nrelease: bookworm\nrepos: [{alias: d, url: 'http://x/debian'}]\npackages: [python3]\n");
        PackageList b = parse("# the root\nmanager: apt\nrepos:\n  - url: http://x/debian\n    alias: d\nrelease: 'bookworm'\npackages:\n  - python3\n");
        assertEquals(a.value(), b.value());
    }
}
