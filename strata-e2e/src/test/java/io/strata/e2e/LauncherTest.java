package io.strata.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
    void aMissingJarIsExplained() throws Exception {
        Result result = launch(Map.of("STRATA_JAR", "/nonexistent/strata.jar"), "--version");
        assertEquals(2, result.code(), result.output());
        assertTrue(result.output().contains("mvn -B -q -DskipTests package"), result.output());
    }
}
