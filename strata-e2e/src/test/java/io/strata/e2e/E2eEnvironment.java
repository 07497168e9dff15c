package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * What every end-to-end test shares, set up once per test run: a private buildah store (its own
 * storage.conf and runtime folder), a registry with htpasswd auth on 127.0.0.1, and the example
 * site's Debian root (mmdebstrap, minimal + python3) built once and published to the registry.
 * Each test builds in its own copy of the example site, which names this registry in its settings.
 * JUnit closes it (an {@link AutoCloseable} in the root store) when the run ends.
 */
final class E2eEnvironment implements AutoCloseable {

    static final String USER = "builder";
    static final String PASSWORD = "e2e-Secret-Pw-42";
    static final String ROOT_NODE = "my-fav-os/base";

    private final Path root;
    private final Path example;
    private final Registry registry;
    private final Map<String, String> env = new HashMap<>();
    private final AtomicInteger runs = new AtomicInteger();
    private final Map<Long, Integer> outputs = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Skips each test, saying why, when the toolchain is missing (before anything is set up), and
     * resolves an {@link E2eEnvironment} parameter, creating the shared one on first use.
     */
    static final class Resolver implements BeforeEachCallback, ParameterResolver {

        @Override
        public void beforeEach(ExtensionContext context) {
            Toolchain.assumeAvailable();
        }

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == E2eEnvironment.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            return context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(E2eEnvironment.class, key -> create(), E2eEnvironment.class);
        }
    }

    private static E2eEnvironment create() {
        try {
            return new E2eEnvironment();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private E2eEnvironment() throws IOException, InterruptedException {
        example = Path.of(System.getProperty("strata.example", "../examples/cluster")).toAbsolutePath().normalize();
        root = Files.createTempDirectory("strata-e2e-");
        Path store = Files.createDirectories(root.resolve("storage"));
        Path xdg = Files.createDirectories(root.resolve("xdg"));
        Files.setPosixFilePermissions(xdg, PosixFilePermissions.fromString("rwx------"));
        Path conf = root.resolve("storage.conf");
        Files.writeString(conf, "[storage]\ndriver = \"overlay\"\ngraphroot = \"" + store + "\"\nrootless_storage_path = \"" + store + "\"\n");
        env.put("CONTAINERS_STORAGE_CONF", conf.toString());
        env.put("XDG_RUNTIME_DIR", xdg.toString());
        env.put("BUILDAH_ISOLATION", "chroot");
        registry = Registry.start(root.resolve("registry"), USER, PASSWORD);
        Path site = site("root");
        Run built = strata(site, credentials(PASSWORD), "build", "--node", ROOT_NODE, "--tag", "base");
        if (built.exit() != 0) {
            throw new IllegalStateException("the example's root could not be built:\n" + built.all());
        }
    }

    /** The private runtime folder ({@code XDG_RUNTIME_DIR}) the commands get. */
    Path runtimeDir() {
        return Path.of(env.get("XDG_RUNTIME_DIR"));
    }

    /** The registry. */
    Registry registry() {
        return registry;
    }

    /** The environment every command gets: the private store. */
    Map<String, String> env() {
        return Map.copyOf(env);
    }

    /** The registry credentials as the builder reads them. */
    static Map<String, String> credentials(String password) {
        return Map.of("STRATA_REGISTRY_USER", USER, "STRATA_REGISTRY_PASSWORD", password);
    }

    /** The repository of a node's image in the registry, e.g. {@code ca/hsn-base}. */
    static String repository(String layer, String type) {
        return "ca/" + layer + "-" + type;
    }

    /** A fresh copy of the example site that publishes to the test registry. */
    Path site(String name) throws IOException {
        Path site = root.resolve("sites").resolve(name);
        copy(example, site);
        String settings = """

                settings:
                  registry: '%s'
                  build:
                    insecure_registries: ['%s']
                    push_attempts: 2
                """.formatted(registry.host(), registry.host());
        Files.writeString(site.resolve("layers.yaml"), Files.readString(site.resolve("layers.yaml")) + settings);
        return site;
    }

    /** Runs {@code strata ARGS --config SITE/layers.yaml --work-dir ...} as a separate JVM. */
    Run strata(Path site, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        Process process = startStrata(site, extraEnv, args);
        return finish(process, TimeUnit.MINUTES.toSeconds(15));
    }

    /** Runs {@code strata ARGS --config SITE/layers.yaml}, a command other than build, as a separate JVM. */
    Run strataCommand(Path site, String... args) throws IOException, InterruptedException {
        return strataCommand(site, Map.of(), args);
    }

    /** As {@link #strataCommand(Path, String...)}, with {@code extraEnv} (credentials) added to the environment. */
    Run strataCommand(Path site, Map<String, String> extraEnv, String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--config", site.resolve("layers.yaml").toString()));
        return finish(start(site, extraEnv, argv), TimeUnit.MINUTES.toSeconds(5));
    }

    /** Starts {@code strata} without waiting; its output goes to files read by {@link #finish}. */
    Process startStrata(Path site, Map<String, String> extraEnv, String... args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(args));
        argv.addAll(List.of("--config", site.resolve("layers.yaml").toString(), "--progress", "plain",
                "--work-dir", workDir(site).toString()));
        return start(site, extraEnv, argv);
    }

    private Process start(Path site, Map<String, String> extraEnv, List<String> args) throws IOException {
        List<String> argv = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), "io.strata.cli.StrataCommand"));
        argv.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(argv).directory(site.toFile());
        builder.environment().remove("REGISTRY_AUTH_FILE");
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        int run = runs.incrementAndGet();
        builder.redirectOutput(root.resolve("run-" + run + ".out").toFile()).redirectError(root.resolve("run-" + run + ".err").toFile());
        Process process = builder.start();
        outputs.put(process.pid(), run);
        return process;
    }

    /** Waits for a started command and reads its output. */
    Run finish(Process process, long seconds) throws IOException, InterruptedException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("strata did not finish in " + seconds + " s");
        }
        int run = outputs.get(process.pid());
        return new Run(process.exitValue(), Files.readString(root.resolve("run-" + run + ".out")),
                Files.readString(root.resolve("run-" + run + ".err")));
    }

    /** The image of a node in the registry, e.g. {@code 127.0.0.1:5000/ca/hsn-base}. */
    String image(String node) {
        String[] parts = node.split("/");
        return registry.host() + "/" + repository(parts[0], parts[1]);
    }

    /** The digest a node's tag names in the registry, if it has the tag. */
    Optional<String> digest(String node, String tag) throws IOException, InterruptedException {
        String[] parts = node.split("/");
        return registry.digest(repository(parts[0], parts[1]), tag);
    }

    /** A failing task, to add to a role. */
    static final String FAILING_TASK = """
            - name: A check that fails
              ansible.builtin.command: test -e /etc/does-not-exist
            """;

    /** Adds tasks (YAML list items) at the end of a role's {@code tasks/main.yml} in a site. */
    static void appendTasks(Path site, String role, String tasks) throws IOException {
        Path file = site.resolve("roles").resolve(role).resolve("tasks/main.yml");
        Files.writeString(file, Files.readString(file) + "\n" + tasks);
    }

    /**
     * Starts {@code strata ARGS} on a site whose role {@code role} first runs {@code sleep}; returns
     * once the node's build runs it.
     */
    Process startAtALongStep(Path site, String node, String role, String sleep, String... args) throws Exception {
        Path tasks = site.resolve("roles").resolve(role).resolve("tasks/main.yml");
        Files.writeString(tasks, """
                - name: A long step
                  ansible.builtin.command: %s
                """.formatted(sleep) + Files.readString(tasks));
        Process strata = startStrata(site, credentials(PASSWORD), args);
        Path log = workDir(site).resolve("logs").resolve(node.replace('/', '-') + ".log");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(3);
        while (!(Files.exists(log) && Files.readString(log).contains("TASK [" + role + " : A long step]"))) {
            assertTrue(System.nanoTime() < deadline, "the layer never reached its long step");
            assertTrue(strata.isAlive(), "strata ended early");
            Thread.sleep(200);
        }
        Thread.sleep(1000);
        return strata;
    }

    /** Whether a process whose command line ends with {@code end} runs on this machine. */
    static boolean running(String end) {
        return ProcessHandle.allProcesses().anyMatch(p -> p.info().commandLine().orElse("").endsWith(end));
    }

    /**
     * Asserts that builds left nothing: no working container in the store, no mount below the
     * test's folder, no scratch folder in the site's work folder.
     */
    void assertNothingLeftBehind(Path site) throws IOException, InterruptedException {
        assertEquals(List.of(), containers(), "working containers left behind");
        assertEquals(List.of(), mountsBelowRoot(), "mounts left behind");
        try (Stream<Path> dirs = Files.walk(workDir(site).getParent(), 3)) {
            assertEquals(List.of(), dirs.filter(p -> p.getFileName().toString().matches(".*-[0-9a-f]{8}") && p.toString().contains("-work/tmp/"))
                    .toList(), "scratch folders left behind");
        }
    }

    /** Where a site's builds keep logs and scratch folders. */
    Path workDir(Path site) {
        return site.resolveSibling(site.getFileName() + "-work");
    }

    /** Runs a program with the private store's environment. */
    Run run(String... argv) throws IOException, InterruptedException {
        return run(Map.of(), argv);
    }

    /** Runs a program with the private store's environment and {@code extraEnv} over it. */
    Run run(Map<String, String> extraEnv, String... argv) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv);
        builder.environment().putAll(env);
        builder.environment().putAll(extraEnv);
        Path out = Files.createTempFile(root, "cmd-", ".out");
        Path err = Files.createTempFile(root, "cmd-", ".err");
        Process process = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", argv) + " did not finish");
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The working containers of the store. */
    List<String> containers() throws IOException, InterruptedException {
        return containers(Map.of());
    }

    /** The working containers of the store {@code extraEnv} names. */
    List<String> containers(Map<String, String> extraEnv) throws IOException, InterruptedException {
        Run run = run(extraEnv, "buildah", "containers", "--format", "{{.ContainerName}}");
        if (run.exit() != 0) {
            throw new IllegalStateException(run.all());
        }
        return run.out().lines().filter(line -> !line.isBlank()).toList();
    }

    /** The IDs of the store's images. */
    List<String> images() throws IOException, InterruptedException {
        return images(Map.of());
    }

    /** The IDs of the images of the store {@code extraEnv} names. */
    List<String> images(Map<String, String> extraEnv) throws IOException, InterruptedException {
        return run(extraEnv, "buildah", "images", "-q", "--no-trunc").out().lines().filter(line -> !line.isBlank()).sorted().toList();
    }

    /** A file of a local image, read through a throw-away working container. */
    String readFile(String image, String path) throws IOException, InterruptedException {
        Run run = run("buildah", "unshare", "--", "sh", "-c",
                "c=$(buildah from -q --pull=never \"$1\") && m=$(buildah mount \"$c\") && cat \"$m$2\"; rc=$?; buildah rm \"$c\" >/dev/null; exit $rc",
                "sh", image, path);
        if (run.exit() != 0) {
            throw new IllegalStateException("cannot read " + path + " of " + image + ": " + run.all());
        }
        return run.out();
    }

    /** Mount points of the host (and of a fresh user namespace) that lie below the test's folder. */
    List<String> mountsBelowRoot() throws IOException, InterruptedException {
        List<String> mounts = new ArrayList<>();
        Files.readAllLines(Path.of("/proc/self/mountinfo")).stream().filter(line -> line.contains(root.toString() + "/sites"))
                .forEach(mounts::add);
        run("buildah", "unshare", "--", "cat", "/proc/self/mountinfo").out().lines()
                .filter(line -> line.contains(root.toString() + "/sites")).forEach(mounts::add);
        return mounts;
    }

    @Override
    public void close() throws IOException {
        registry.close();
        try {
            run("buildah", "rm", "--all");
            run("buildah", "unshare", "--", "rm", "-rf", root.resolve("storage").toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        deleteTree(root);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.deleteIfExists(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.deleteIfExists(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
