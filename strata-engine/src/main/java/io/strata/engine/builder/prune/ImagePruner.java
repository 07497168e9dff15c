package io.strata.engine.builder.prune;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.builder.ImageLabels;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Removes old images of a site's nodes from the local buildah store: per node, the newest
 * {@code keep} images stay, and so does every image a published tag names (whatever its age);
 * the rest go, with the untagged images Strata built (their tags moved on).
 */
public final class ImagePruner {

    private final Buildah buildah;
    private final CommandRunner runner;

    /** A pruner of the store these buildah options name. */
    public ImagePruner(Buildah buildah, CommandRunner runner) {
        this.buildah = buildah;
        this.runner = runner;
    }

    /**
     * An image of the store.
     *
     * @param id the full image ID
     * @param names its {@code repository:tag} names
     * @param created when it was created
     */
    public record StoredImage(String id, List<String> names, Instant created) {
    }

    /**
     * What a prune keeps and removes.
     *
     * @param kept per node repository, the images kept
     * @param removed the images removed (or to remove, on a dry run)
     * @param refused the images buildah would not remove (a working container uses them), with why
     */
    public record Outcome(Map<String, List<StoredImage>> kept, List<StoredImage> removed, Map<StoredImage, String> refused) {
    }

    /**
     * Prunes.
     *
     * @param repositories the nodes' image repositories without registry ({@code ca/slurm-compute}),
     *     matched under any registry
     * @param publishedTags tags whose images always stay ({@code latest}, settings.published_tag)
     * @param keep how many of each node's newest images stay
     * @param dryRun only say what would be removed
     */
    public Outcome prune(Set<String> repositories, Set<String> publishedTags, int keep, boolean dryRun) {
        Map<String, List<StoredImage>> byRepository = new LinkedHashMap<>();
        for (StoredImage image : list(runner.run(buildah.images(), OutputSink.NONE))) {
            for (String name : image.names()) {
                String repository = nodeRepository(ImageReference.repository(name), repositories);
                if (repository != null) {
                    List<StoredImage> images = byRepository.computeIfAbsent(repository, key -> new ArrayList<>());
                    if (!images.contains(image)) {
                        images.add(image);
                    }
                }
            }
        }
        Map<String, List<StoredImage>> kept = new LinkedHashMap<>();
        List<StoredImage> removed = new ArrayList<>();
        for (Map.Entry<String, List<StoredImage>> entry : byRepository.entrySet()) {
            List<StoredImage> newestFirst = new ArrayList<>(entry.getValue());
            newestFirst.sort(Comparator.comparing(StoredImage::created).reversed());
            for (int i = 0; i < newestFirst.size(); i++) {
                StoredImage image = newestFirst.get(i);
                if (i < keep || published(image, publishedTags)) {
                    kept.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(image);
                } else if (!removed.contains(image)) {
                    removed.add(image);
                }
            }
        }
        // An image named in two repositories stays when either keeps it.
        kept.values().forEach(removed::removeAll);
        removed.addAll(list(runner.run(buildah.untaggedImages(ImageLabels.NODE), OutputSink.NONE)));
        Map<StoredImage, String> refused = new LinkedHashMap<>();
        if (!dryRun) {
            for (StoredImage image : removed) {
                // By name: buildah refuses an ID with several names unless forced, and forcing would
                // also remove the containers that use it. The last name gone, the image goes.
                for (String name : image.names().isEmpty() ? List.of(image.id()) : image.names()) {
                    CommandResult result = runner.run(buildah.rmi(name), OutputSink.NONE);
                    if (!result.ok()) {
                        refused.put(image, result.errorSummary());
                        break;
                    }
                }
            }
            removed.removeAll(refused.keySet());
        }
        return new Outcome(kept, List.copyOf(removed), refused);
    }

    private static boolean published(StoredImage image, Set<String> publishedTags) {
        return image.names().stream().map(ImageReference::tag).anyMatch(publishedTags::contains);
    }

    /** The node repository ({@code ca/slurm-compute}) that a full repository name ends with, or null. */
    private static String nodeRepository(String repository, Set<String> repositories) {
        for (String candidate : repositories) {
            if (repository.equals(candidate) || repository.endsWith("/" + candidate)) {
                return candidate;
            }
        }
        return null;
    }

    private static List<StoredImage> list(CommandResult result) {
        if (!result.ok()) {
            throw new BuildFailure("cannot list the images of the store: " + result.errorSummary(), "check buildah (the build's preflight checks it)");
        }
        List<StoredImage> images = new ArrayList<>();
        try {
            JsonNode array = new ObjectMapper().readTree(result.stdout().isBlank() ? "[]" : result.stdout());
            for (JsonNode image : array) {
                List<String> names = new ArrayList<>();
                image.path("names").forEach(name -> names.add(name.asText()));
                images.add(new StoredImage(image.path("id").asText(), List.copyOf(names), Instant.parse(image.path("createdatraw").asText())));
            }
        } catch (IOException | DateTimeParseException e) {
            throw new BuildFailure("buildah images printed no JSON: " + e.getMessage(), "check buildah (the build's preflight checks it)");
        }
        return images;
    }
}
