package io.strata.engine.builder.publish;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CancelledException;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Publishes to a registry with {@code buildah push} (blobs the registry has are skipped thanks to
 * buildah's blob-info cache), reads it with {@code skopeo inspect} (no pull), and adds tags to
 * published images with {@code skopeo copy --preserve-digests}. An unreachable registry is
 * retried on a {@link RetrySchedule}; every failure names the registry and what to do.
 */
public final class RegistryPublisher implements Publisher {

    private final Buildah buildah;
    private final Skopeo skopeo;
    private final CommandRunner runner;
    private final RetrySchedule retries;
    private final Path scratchDir;
    private final Sleeper sleeper;

    /** Waits between attempts (replaced in tests). */
    @FunctionalInterface
    public interface Sleeper {

        /** Waits this long. */
        void sleep(java.time.Duration duration) throws InterruptedException;
    }

    /**
     * A publisher to a registry.
     *
     * @param buildah the buildah commands (their options carry the auth file and TLS settings)
     * @param runner what runs commands
     * @param retries how unreachable registries are retried
     * @param scratchDir a folder for the digest files of pushes (each deleted once read)
     * @param sleeper waits between attempts
     */
    public RegistryPublisher(Buildah buildah, CommandRunner runner, RetrySchedule retries, Path scratchDir,
            Sleeper sleeper) {
        this.buildah = buildah;
        this.skopeo = new Skopeo(buildah.options());
        this.runner = runner;
        this.retries = retries;
        this.scratchDir = scratchDir;
        this.sleeper = sleeper;
    }

    @Override
    public boolean remote() {
        return true;
    }

    @Override
    public Optional<PublishedImage> find(String reference, OutputSink log) {
        CommandResult raw = attempt("inspect " + reference, reference, () -> skopeo.rawManifest(reference), true, log);
        if (raw == null) {
            return Optional.empty();
        }
        String imageId;
        try {
            JsonNode manifest = new ObjectMapper().readTree(raw.stdout());
            JsonNode config = manifest.path("config").path("digest");
            if (config.isMissingNode()) {
                throw new BuildFailure(reference + " is a manifest list, not a single image", "publish single-platform images");
            }
            imageId = config.asText();
        } catch (IOException e) {
            throw new BuildFailure("inspect " + reference + ": the registry sent no JSON manifest", "");
        }
        CommandResult digest = attempt("inspect " + reference, reference, () -> skopeo.digest(reference), true, log);
        if (digest == null) {
            return Optional.empty();
        }
        return Optional.of(new PublishedImage(reference, imageId, digest.answer()));
    }

    @Override
    public PublishedImage publish(String imageId, String image, List<String> tags, String mutableTag, OutputSink log) {
        String first = null;
        String id = ImageIds.normalize(imageId);
        List<String> all = new ArrayList<>(tags);
        if (mutableTag != null) {
            all.add(mutableTag);
        }
        for (String tag : all) {
            String destination = image + ":" + tag;
            Path digestFile = digestFile();
            attempt("push " + destination, destination, () -> buildah.push(ImageIds.bare(imageId), destination, digestFile), false, log);
            String digest = readDigest(digestFile);
            if (first == null) {
                first = digest;
            }
        }
        CommandResult tagged = runner.run(buildah.tag(ImageIds.bare(imageId), all.stream().map(t -> image + ":" + t).toList()), log);
        if (!tagged.ok()) {
            throw new BuildFailure("pushed, but cannot tag the local image: " + tagged.lastErrorLine(), "");
        }
        return new PublishedImage(image + ":" + tags.get(0), id, first);
    }

    @Override
    public void retag(PublishedImage published, String image, List<String> tags, String mutableTag, OutputSink log) {
        List<String> all = new ArrayList<>(tags);
        if (mutableTag != null) {
            all.add(mutableTag);
        }
        for (String tag : all) {
            String destination = image + ":" + tag;
            if (destination.equals(published.reference())) {
                continue;
            }
            attempt("tag " + destination, destination, () -> skopeo.copy(published.reference(), destination), false, log);
        }
    }

    /**
     * Runs a registry command, retrying while the registry is unreachable.
     *
     * @param absentIsNull whether "not found" is an answer (null) rather than a failure
     * @return the successful result, or null for a missing image when {@code absentIsNull}
     */
    private CommandResult attempt(String action, String reference, Supplier<Command> command, boolean absentIsNull,
            OutputSink log) {
        String registry = ImageReference.registryOf(reference);
        for (int attempt = 1; ; attempt++) {
            CommandResult result = runner.run(command.get(), log);
            if (result.ok()) {
                return result;
            }
            RegistryErrors.Kind kind = RegistryErrors.kind(result);
            if (kind == RegistryErrors.Kind.NOT_FOUND && absentIsNull) {
                return null;
            }
            if (kind != RegistryErrors.Kind.UNREACHABLE || attempt >= retries.attempts()) {
                throw RegistryErrors.failure(action, registry, result, attempt);
            }
            log.line(OutputSink.Stream.INFO, action + ": registry " + registry + " unreachable (attempt " + attempt + " of "
                    + retries.attempts() + "), retrying in " + retries.delayAfter(attempt).toSeconds() + " s");
            try {
                sleeper.sleep(retries.delayAfter(attempt));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException(action);
            }
        }
    }

    private Path digestFile() {
        try {
            Files.createDirectories(scratchDir);
            Path file = Files.createTempFile(scratchDir, "digest-", ".txt");
            Files.delete(file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a digest file in " + scratchDir, e);
        }
    }

    private static String readDigest(Path file) {
        try {
            if (!Files.exists(file)) {
                return null;
            }
            String digest = Files.readString(file).strip();
            Files.delete(file);
            return digest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
