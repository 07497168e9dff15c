package io.strata.engine.builder.publish;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.ScriptedRunner;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.failure.BuildFailure;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryPublisherTest {

    private static final String REFUSED = "Error: pushing image: trying to reuse blob sha256:aa at destination: pinging container registry"
            + " 127.0.0.1:5000: Get \"http://127.0.0.1:5000/v2/\": dial tcp 127.0.0.1:5000: connect: connection refused";

    @TempDir
    Path dir;

    private final ScriptedRunner runner = new ScriptedRunner();
    private final List<Duration> waits = new ArrayList<>();

    private RegistryPublisher publisher(int attempts) {
        Buildah buildah = new Buildah(new BuildahOptions(null, "chroot", Set.of("127.0.0.1:5000"), Path.of("/run/auth.json")));
        return new RegistryPublisher(buildah, runner, new RetrySchedule(attempts, Duration.ofSeconds(2)), dir, waits::add);
    }

    @Test
    void anUnreachableRegistryIsRetriedWithGrowingWaitsThenExplained() {
        runner.when(List.of("buildah", "push"), ScriptedRunner.result(125, "", REFUSED));
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> publisher(3).publish("abc", "127.0.0.1:5000/ca/x", List.of("in-1", "t1"), "latest", (s, l) -> { }));
        assertEquals(3, runner.argvs("buildah", "push").size());
        assertEquals(List.of(Duration.ofSeconds(2), Duration.ofSeconds(4)), waits);
        assertEquals("push 127.0.0.1:5000/ca/x:in-1: cannot reach the registry 127.0.0.1:5000 (3 attempts; last error:"
                + " dial tcp 127.0.0.1:5000: connect: connection refused)", failure.getMessage());
        assertTrue(failure.hint().contains("with reuse on, to rebuild only what was not published"), failure.hint());
        assertTrue(runner.argvs("buildah", "tag").isEmpty(), "nothing is tagged");
    }

    @Test
    void refusedCredentialsFailAtOnceWithAHintAndNoSecret() {
        runner.when(List.of("buildah", "push"), ScriptedRunner.result(125, "",
                "Error: checking whether a blob sha256:aa exists in 127.0.0.1:5000/ca/x: unauthorized: authentication required"));
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> publisher(3).publish("abc", "127.0.0.1:5000/ca/x", List.of("in-1"), "latest", (s, l) -> { }));
        assertEquals(1, runner.argvs("buildah", "push").size(), "no retry on refused credentials");
        assertTrue(failure.getMessage().contains("the registry 127.0.0.1:5000 refused the credentials"), failure.getMessage());
        assertTrue(failure.hint().contains("STRATA_REGISTRY_PASSWORD"), failure.hint());
    }

    @Test
    void theMutableTagIsPushedOnlyAfterEveryImmutableOneSucceeded() {
        runner.when(c -> c.argv().get(c.argv().size() - 1).endsWith(":t1"), c -> ScriptedRunner.result(125, "", "Error: something odd"), 1);
        assertThrows(BuildFailure.class,
                () -> publisher(1).publish("abc", "127.0.0.1:5000/ca/x", List.of("in-1", "t1"), "latest", (s, l) -> { }));
        List<String> pushed = runner.argvs("buildah", "push").stream().map(a -> a.get(a.size() - 1)).toList();
        assertEquals(List.of("docker://127.0.0.1:5000/ca/x:in-1", "docker://127.0.0.1:5000/ca/x:t1"), pushed);
    }

    @Test
    void aMissingTagIsNotFoundAndAPublishedOneGivesItsImageIdAndDigest() {
        runner.when(c -> c.argv().contains("docker://127.0.0.1:5000/ca/x:gone"), c -> ScriptedRunner.result(1, "",
                "Error: reading manifest gone in 127.0.0.1:5000/ca/x: manifest unknown: manifest unknown"), 1);
        assertFalse(publisher(3).find("127.0.0.1:5000/ca/x:gone", (s, l) -> { }).isPresent());
        runner.when(List.of("skopeo", "inspect", "--raw"), ScriptedRunner.result(0,
                "{\"schemaVersion\":2,\"config\":{\"digest\":\"sha256:c0ffee\"},\"layers\":[]}", ""));
        runner.when(List.of("skopeo", "--format"), ScriptedRunner.result(0, "sha256:beef\n", ""));
        PublishedImage image = publisher(3).find("127.0.0.1:5000/ca/x:in-1", (s, l) -> { }).orElseThrow();
        assertEquals(new PublishedImage("127.0.0.1:5000/ca/x:in-1", "sha256:c0ffee", "sha256:beef"), image);
        List<String> raw = runner.argvs("skopeo", "inspect").get(1);
        assertEquals(List.of("skopeo", "inspect", "--raw", "--retry-times", "2", "--authfile", "/run/auth.json", "--tls-verify=false",
                "docker://127.0.0.1:5000/ca/x:in-1"), raw);
    }

    @Test
    void skopeosLogWrappingIsTakenOffTheMessage() {
        runner.when(List.of("skopeo", "inspect", "--raw"), ScriptedRunner.result(1, "", "time=\"2026-11-28T22:50:20Z\" level=fatal"
                + " msg=\"Error parsing image name \\\"docker://127.0.0.1:5000/ca/x:t2\\\": reading manifest t2 in 127.0.0.1:5000/ca/x:"
                + " unauthorized: authentication required\""));
        BuildFailure failure = assertThrows(BuildFailure.class, () -> publisher(1).find("127.0.0.1:5000/ca/x:t2", (s, l) -> { }));
        assertEquals("inspect 127.0.0.1:5000/ca/x:t2: the registry 127.0.0.1:5000 refused the credentials (Error parsing image name"
                + " \"docker://127.0.0.1:5000/ca/x:t2\": reading manifest t2 in 127.0.0.1:5000/ca/x: unauthorized: authentication required)",
                failure.getMessage());
    }

    @Test
    void plainHttpRegistriesAreExplained() {
        runner.when(List.of("buildah", "push"), ScriptedRunner.result(125, "",
                "Error: pinging container registry r.example.org: Get \"https://r.example.org/v2/\": http: server gave HTTP response to HTTPS client"));
        BuildFailure failure = assertThrows(BuildFailure.class,
                () -> publisher(3).publish("abc", "r.example.org/ca/x", List.of("in-1"), null, (s, l) -> { }));
        assertTrue(failure.hint().contains("insecure_registries"), failure.hint());
        assertFalse(runner.argvs("buildah", "push").get(0).contains("--tls-verify=false"), "TLS verified by default");
    }

    @Test
    void squashfsCompressionIsCheckedAndTurnedIntoMksquashfsArguments() {
        assertEquals(List.of("mksquashfs", "/w/rootfs", "/out/x.partial", "-comp", "zstd", "-Xcompression-level", "3", "-noappend",
                "-no-progress", "-quiet"), SquashfsOptions.parse(Path.of("/out"), "zstd").command(Path.of("/w/rootfs"), Path.of("/out/x.partial")));
        assertEquals(List.of("-comp", "xz"), SquashfsOptions.parse(Path.of("/out"), "xz").compressionArgs());
        assertEquals(List.of("-comp", "gzip", "-Xcompression-level", "9"), SquashfsOptions.parse(Path.of("/out"), "gzip:9").compressionArgs());
        assertThrows(IllegalArgumentException.class, () -> SquashfsOptions.parse(Path.of("/out"), "zstd:23"));
        assertThrows(IllegalArgumentException.class, () -> SquashfsOptions.parse(Path.of("/out"), "lz4:2"));
        assertThrows(IllegalArgumentException.class, () -> SquashfsOptions.parse(Path.of("/out"), "brotli"));
    }
}
