package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bin/strata}, the launcher the docs and benchmarks use, runs the packaged CLI. */
class LauncherTest {

    private record Result(int code, String output) {
    }

    private static Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> argv = new java.util.ArrayList<>(List.of(System.getProperty("strata.launcher")));
        argv.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(argv).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        return new Result(process.waitFor(), output);
    }

    @Test
    void runsThePackagedCliWithItsArguments() throws Exception {
        String config = Path.of(System.getProperty("strata.example"), "layers.yaml").toString();
        Result result = launch(Map.of("STRATA_JAR", System.getProperty("strata.jar")), "validate", "--config", config);
        assertEquals(0, result.code(), result.output());
        assertTrue(result.output().contains("nodes, valid"), result.output());
    }

    @Test
    void theBuildsClassArchiveServesThePackagedJar() throws Exception {
        Path jar = Path.of(System.getProperty("strata.jar"));
        Path archive = jar.resolveSibling("strata.jsa");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // -Xshare:on makes the JVM refuse to start when the archive does not match the jar.
        Process process = new ProcessBuilder(java, "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-jar", jar.toString(),
                "--version").redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), output);
        assertEquals("strata 0.1.0\n", output);
    }

    @Test
    void anArchiveThatDoesNotFitTheJarIsLeftAloneSilently(@TempDir Path dir) throws Exception {
        Path jar = Files.copy(Path.of(System.getProperty("strata.jar")), dir.resolve("strata.jar"));
        Path archive = Files.writeString(dir.resolve("strata.jsa"), "not an archive");
        Files.setLastModifiedTime(archive, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() + 60_000));
        Result result = launch(Map.of("STRATA_JAR", jar.toString()), "--version");
        assertEquals(0, result.code(), result.output());
        assertEquals("strata 0.1.0\n", result.output());
    }

    @Test
    void aMissingJarIsExplained() throws Exception {
        Result result = launch(Map.of("STRATA_JAR", "/nonexistent/strata.jar"), "--version");
        assertEquals(2, result.code(), result.output());
        assertTrue(result.output().contains("mvn -B -q -DskipTests package"), result.output());
    }
}
