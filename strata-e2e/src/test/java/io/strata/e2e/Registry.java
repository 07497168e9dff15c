package io.strata.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A private registry for the tests: Debian's docker-registry (distribution 2.8) on 127.0.0.1 at a
 * free port, with htpasswd (bcrypt) basic auth and a storage folder of its own; read through the
 * HTTP API.
 */
final class Registry implements AutoCloseable {

    private static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json, application/vnd.docker.distribution.manifest.v2+json,"
            + " application/vnd.oci.image.index.v1+json, application/vnd.docker.distribution.manifest.list.v2+json";

    private final Process process;
    private final int port;
    private final String authorization;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Registry(Process process, int port, String user, String password) {
        this.process = process;
        this.port = port;
        this.authorization = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Starts a registry keeping its data in {@code dir}. */
    static Registry start(Path dir, String user, String password) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        Path htpasswd = dir.resolve("htpasswd");
        Process hash = new ProcessBuilder("htpasswd", "-B", "-i", "-c", htpasswd.toString(), user).redirectErrorStream(true).start();
        try (OutputStream in = hash.getOutputStream()) {
            in.write(password.getBytes(StandardCharsets.UTF_8));
        }
        if (hash.waitFor() != 0) {
            throw new IOException("htpasswd failed: " + new String(hash.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }
        int port = freePort();
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log:
                  level: warn
                storage:
                  filesystem:
                    rootdirectory: %s
                  delete:
                    enabled: true
                http:
                  addr: 127.0.0.1:%d
                auth:
                  htpasswd:
                    realm: strata-e2e
                    path: %s
                """.formatted(dir.resolve("data"), port, htpasswd));
        Process process = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        Registry registry = new Registry(process, port, user, password);
        registry.awaitUp();
        return registry;
    }

    /** A port nothing listens on (for a registry that is down). */
    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitUp() throws InterruptedException, IOException {
        for (int i = 0; i < 100; i++) {
            try {
                http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/")).build(), HttpResponse.BodyHandlers.discarding());
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new IOException("the registry did not come up on " + host());
    }

    /** host:port. */
    String host() {
        return "127.0.0.1:" + port;
    }

    /** The manifest digest of repository:tag, empty when there is no such tag. */
    Optional<String> digest(String repository, String tag) throws IOException, InterruptedException {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/" + repository + "/manifests/" + tag))
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).header("Authorization", authorization).header("Accept", ACCEPT).build(),
                HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() == 404) {
            return Optional.empty();
        }
        if (response.statusCode() != 200) {
            throw new IOException("HEAD " + repository + ":" + tag + " answered " + response.statusCode());
        }
        return response.headers().firstValue("Docker-Content-Digest");
    }

    /** The image ID (config digest) of repository:tag. */
    String imageId(String repository, String tag) throws IOException, InterruptedException {
        return get("/v2/" + repository + "/manifests/" + tag).path("config").path("digest").asText();
    }

    /** The labels of the image repository:tag, from its config blob. */
    JsonNode labels(String repository, String tag) throws IOException, InterruptedException {
        return get("/v2/" + repository + "/blobs/" + imageId(repository, tag)).path("config").path("Labels");
    }

    private JsonNode get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + path))
                .header("Authorization", authorization).header("Accept", ACCEPT).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("GET " + path + " answered " + response.statusCode());
        }
        return new ObjectMapper().readTree(response.body());
    }

    /** The tags of a repository (empty when it does not exist). */
    List<String> tags(String repository) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://" + host() + "/v2/" + repository + "/tags/list"))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
        List<String> tags = new ArrayList<>();
        if (response.statusCode() == 200) {
            JsonNode list = new ObjectMapper().readTree(response.body()).path("tags");
            list.forEach(tag -> tags.add(tag.asText()));
        }
        return tags;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
