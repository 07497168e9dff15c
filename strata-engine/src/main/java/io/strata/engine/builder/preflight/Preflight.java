package io.strata.engine.builder.preflight;

import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.audit.ReadTrace;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks, before anything is built, that this machine can build rootless, and explains what is
 * missing: not root (unless allowed), buildah and its version, subordinate uid/gid ranges for
 * the user, setuid {@code newuidmap}/{@code newgidmap}, a user namespace that works
 * ({@code buildah unshare true}), a writable store with a storage driver that works (overlay, or
 * vfs as the fallback), Ansible with the chosen connection plugin, and the tools the plan needs
 * (chroot, mmdebstrap, dnf, zypper, mksquashfs, skopeo), each found as the build finds it (its
 * runner's {@link io.strata.engine.builder.process.ToolPath}).
 */
public final class Preflight {

    /** The oldest buildah the builder was verified with. */
    public static final String MIN_BUILDAH = "1.28";

    /** The subordinate ids a user needs: a full 16-bit range. */
    static final long MIN_SUBIDS = 65536;

    private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)(?:\\.(\\d+))?");

    private final CommandRunner runner;
    private final BuildahOptions options;
    private final Path etc;
    private final Path binDir;
    private final int uid;
    private final String user;

    /**
     * A preflight of this machine.
     *
     * @param runner what runs the probes
     * @param options buildah's options (the storage driver is probed, not taken from here)
     */
    public Preflight(CommandRunner runner, BuildahOptions options) {
        this(runner, options, Path.of("/etc"), Path.of("/usr/bin"), currentUid(), System.getProperty("user.name"));
    }

    /** A preflight with given system folders and identity (for tests). */
    Preflight(CommandRunner runner, BuildahOptions options, Path etc, Path binDir, int uid, String user) {
        this.runner = runner;
        this.options = options;
        this.etc = etc;
        this.binDir = binDir;
        this.uid = uid;
        this.user = user;
    }

    /** Runs the checks a build with these needs requires (the independent probes at once). */
    public PreflightResult run(PreflightNeeds needs) {
        ExecutorService pool = Executors.newFixedThreadPool(4, task -> {
            Thread thread = new Thread(task, "strata-preflight");
            thread.setDaemon(true);
            return thread;
        });
        try {
            return run(needs, pool);
        } finally {
            pool.shutdownNow();
        }
    }

    private PreflightResult run(PreflightNeeds needs, ExecutorService pool) {
        List<Check> ansibleChecks = new ArrayList<>();
        CompletableFuture<String> ansibleVersion = needs.connection() == null ? CompletableFuture.completedFuture("")
                : CompletableFuture.supplyAsync(() -> ansible(needs.connection(), ansibleChecks), pool);
        List<CompletableFuture<Check>> tools = new ArrayList<>();
        tools.add(CompletableFuture.supplyAsync(() -> tool("chroot", List.of("chroot", "--version"),
                "work inside image roots (package commands, image tests, Ansible's chroot connection)",
                "install coreutils; chroot is looked for on PATH and in /usr/local/sbin, /usr/sbin and /sbin"), pool));
        for (String manager : needs.packageManagers()) {
            String program = switch (manager) {
                case "apt" -> "mmdebstrap";
                case "dnf" -> "dnf";
                default -> "zypper";
            };
            tools.add(CompletableFuture.supplyAsync(() -> tool(program, List.of(program, "--version"), "roots with manager: " + manager,
                    manager.equals("apt") ? "apt-get install mmdebstrap" : "install " + program + " on the build host"), pool));
        }
        if (needs.squashfs()) {
            tools.add(CompletableFuture.supplyAsync(() -> tool("mksquashfs", List.of("mksquashfs", "-version"), "squashfs export",
                    "apt-get install squashfs-tools"), pool));
        }
        if (needs.audit()) {
            tools.add(CompletableFuture.supplyAsync(() -> tool(ReadTrace.PROGRAM, List.of(ReadTrace.PROGRAM, "-V"),
                    "the input audit (tracing what Ansible reads)", "apt-get install strace"), pool));
        }
        if (needs.registry()) {
            tools.add(CompletableFuture.supplyAsync(() -> tool("skopeo", List.of("skopeo", "--version"),
                    "registry lookups without pulling", "apt-get install skopeo"), pool));
        }
        List<Check> checks = new ArrayList<>();
        if (uid == 0) {
            checks.add(needs.allowRoot() ? Check.pass("user", "root (allowed explicitly)")
                    : Check.fail("user", "running as root", "build as an ordinary user with subordinate ids (rootless buildah);"
                            + " allow root only on a throw-away machine"));
        } else {
            checks.add(Check.pass("user", user + " (uid " + uid + ")"));
        }
        String buildahVersion = buildahVersion(checks);
        if (uid != 0) {
            checks.add(subIds("subuid"));
            checks.add(subIds("subgid"));
            checks.add(setuid("newuidmap"));
            checks.add(setuid("newgidmap"));
        }
        String driver = storage(needs.storageDriver(), checks, buildahVersion != null);
        String ansible = ansibleVersion.join();
        checks.addAll(ansibleChecks);
        tools.forEach(tool -> checks.add(tool.join()));
        ToolVersions versions = new ToolVersions(ToolVersions.STRATA_VERSION, buildahVersion == null ? "" : buildahVersion, ansible);
        return new PreflightResult(checks, versions, driver);
    }

    private String buildahVersion(List<Check> checks) {
        CommandResult result = probe(new Buildah(options).version());
        if (!result.ok()) {
            checks.add(Check.fail("buildah", "not found (" + result.lastErrorLine() + ")", "apt-get install buildah uidmap"));
            return null;
        }
        String text = result.answer();
        Matcher version = VERSION.matcher(text);
        if (!version.find()) {
            checks.add(Check.fail("buildah", "unreadable version: " + text, "install buildah " + MIN_BUILDAH + " or newer"));
            return null;
        }
        int major = Integer.parseInt(version.group(1));
        int minor = Integer.parseInt(version.group(2));
        String[] min = MIN_BUILDAH.split("\\.");
        boolean recent = major > Integer.parseInt(min[0]) || major == Integer.parseInt(min[0]) && minor >= Integer.parseInt(min[1]);
        String found = "buildah " + version.group();
        checks.add(recent ? Check.pass("buildah", found)
                : Check.fail("buildah", found + " is older than " + MIN_BUILDAH, "install buildah " + MIN_BUILDAH + " or newer"));
        return found;
    }

    private Check subIds(String kind) {
        Path file = etc.resolve(kind);
        long total = 0;
        try {
            if (Files.isRegularFile(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.strip().split(":");
                    if (parts.length == 3 && (parts[0].equals(user) || parts[0].equals(Integer.toString(uid)))) {
                        total += Long.parseLong(parts[2].strip());
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            return Check.fail(kind, "cannot read " + file + ": " + e.getMessage(), "check the file's syntax (user:start:count)");
        }
        String command = "usermod --add-sub" + (kind.equals("subuid") ? "uids" : "gids") + " 100000-165535 " + user;
        if (total == 0) {
            return Check.fail(kind, "no range for " + user + " in " + file, command + " (as root)");
        }
        if (total < MIN_SUBIDS) {
            return Check.fail(kind, "only " + total + " ids for " + user + " in " + file + "; images need " + MIN_SUBIDS,
                    command + " (as root)");
        }
        return Check.pass(kind, total + " ids for " + user);
    }

    private Check setuid(String program) {
        Path path = binDir.resolve(program);
        if (!Files.isRegularFile(path)) {
            return Check.fail(program, "missing", "apt-get install uidmap");
        }
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(path);
            Object owner = Files.getAttribute(path, "unix:uid");
            int mode = (Integer) Files.getAttribute(path, "unix:mode");
            boolean setuid = (mode & 04000) != 0 && Integer.valueOf(0).equals(owner)
                    && permissions.contains(PosixFilePermission.OTHERS_EXECUTE);
            return setuid ? Check.pass(program, path + " is setuid root")
                    : Check.fail(program, path + " is not setuid root (mode " + Integer.toOctalString(mode & 07777) + ")",
                            "chmod u+s " + path + " (as root), or give it the setuid file capability");
        } catch (IOException | UnsupportedOperationException e) {
            return Check.fail(program, "cannot read " + path + ": " + e.getMessage(), "");
        }
    }

    /**
     * Probes the store and a user namespace; returns the driver to force, or null for the user's
     * own storage configuration. With {@code auto} the user's configuration comes first, so that
     * {@code buildah images} shows what Strata built; only a store that does not work there makes
     * Strata force overlay, else vfs (and say how to see those images).
     */
    private String storage(String setting, List<Check> checks, boolean haveBuildah) {
        if (!haveBuildah) {
            return setting.equals("auto") ? null : setting;
        }
        List<String> candidates = setting.equals("auto") ? Arrays.asList(null, "overlay", "vfs") : List.of(setting);
        String failure = "";
        for (String driver : candidates) {
            Buildah buildah = new Buildah(options.withStorageDriver(driver));
            CommandResult info = probe(buildah.storeInfo());
            if (!info.ok()) {
                failure = (driver == null ? "your configured store" : driver) + ": " + info.lastErrorLine();
                continue;
            }
            String[] parts = info.answer().split(" ", 2);
            String root = parts.length > 1 ? parts[1] : "";
            String name = driver != null ? driver : parts[0];
            if (uid == 0) {
                checks.add(Check.pass("user namespace", "not needed as root: mounts run directly"));
            } else {
                CommandResult unshare = probe(buildah.unshare(List.of("true")));
                if (!unshare.ok()) {
                    checks.add(Check.fail("user namespace", "buildah unshare failed for " + user + " (uid " + uid + "): "
                            + unshare.lastErrorLine(), "check " + user + "'s subuid/subgid ranges and newuidmap above; on some"
                            + " systems kernel.unprivileged_userns_clone=1 or user.max_user_namespaces > 0 is needed"));
                    return driver;
                }
                checks.add(Check.pass("user namespace", "buildah unshare works"));
            }
            Path graphRoot = Path.of(root.isBlank() ? "." : root);
            boolean writable = Files.isDirectory(graphRoot) ? Files.isWritable(graphRoot) : writableParent(graphRoot);
            checks.add(writable ? Check.pass("storage", name + " store at " + root + storageNote(setting, driver, name, failure))
                    : Check.fail("storage", root + " is not writable", "point CONTAINERS_STORAGE_CONF at a store of your own"));
            return driver;
        }
        checks.add(Check.fail("storage", "no storage driver works (" + failure + ")",
                "with an existing store of another driver, set settings.build.storage_driver to that driver or use a new store;"
                + " vfs works everywhere"));
        return setting.equals("auto") ? "vfs" : setting;
    }

    /** Where the images will be seen, and what to know about the driver chosen. */
    private static String storageNote(String setting, String forced, String name, String failure) {
        if (forced == null) {
            return " (your containers-storage configuration: buildah images and buildah containers show the builds"
                    + (name.equals("vfs") ? "; vfs copies every layer, overlay is much faster where it works, see docs/build.md)" : ")");
        }
        String see = "; see the images with STORAGE_DRIVER=" + forced + " buildah images";
        return setting.equals("auto") ? " (" + failure + "; forced " + forced + see + ")" : " (settings.build.storage_driver" + see + ")";
    }

    private static boolean writableParent(Path path) {
        Path parent = path.toAbsolutePath().getParent();
        while (parent != null && !Files.exists(parent)) {
            parent = parent.getParent();
        }
        return parent != null && Files.isWritable(parent);
    }

    private String ansible(Connection connection, List<Check> checks) {
        CommandResult version = probe(Command.of("ansible-playbook", "--version"));
        if (!version.ok()) {
            checks.add(Check.fail("ansible", "ansible-playbook not found (" + version.lastErrorLine() + ")",
                    "apt-get install ansible (Debian's package bundles community.general and containers.podman)"));
            return "";
        }
        String first = version.answer().lines().findFirst().orElse("").strip();
        checks.add(Check.pass("ansible", first));
        CommandResult plugin = probe(Command.of("ansible-doc", "-t", "connection", connection.plugin()));
        boolean found = plugin.ok() && !plugin.stderr().contains("not found") && !plugin.stdout().isBlank();
        checks.add(found ? Check.pass("connection", connection.plugin())
                : Check.fail("connection", connection.plugin() + " is not installed",
                        "ansible-galaxy collection install " + connection.plugin().substring(0, connection.plugin().lastIndexOf('.'))));
        return first;
    }

    private Check tool(String name, List<String> argv, String purpose, String hint) {
        CommandResult result = probe(Command.of(argv));
        if (!result.ok()) {
            return Check.fail(name, "not found, needed for " + purpose, hint);
        }
        String text = (result.stdout() + result.stderr()).strip();
        return Check.pass(name, text.lines().findFirst().orElse(name));
    }

    private CommandResult probe(Command command) {
        return runner.run(command, OutputSink.NONE);
    }

    /** The real user id of this process, from {@code /proc/self/status} (-1 when unknown). */
    public static int currentUid() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.substring(4).strip().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
