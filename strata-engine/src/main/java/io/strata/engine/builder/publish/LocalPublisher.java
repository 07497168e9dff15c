package io.strata.engine.builder.publish;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.CommandRunner;
import io.strata.engine.builder.process.OutputSink;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Keeps images in the local buildah store: publishing is tagging. */
public final class LocalPublisher implements Publisher {

    private final Buildah buildah;
    private final CommandRunner runner;

    /**
     * A publisher into the local store.
     *
     * @param buildah the buildah commands
     * @param runner what runs them
     */
    public LocalPublisher(Buildah buildah, CommandRunner runner) {
        this.buildah = buildah;
        this.runner = runner;
    }

    @Override
    public boolean remote() {
        return false;
    }

    @Override
    public Optional<PublishedImage> find(String reference, OutputSink log) {
        CommandResult result = runner.run(buildah.imageId(reference), log);
        if (!result.ok() || result.answer().isEmpty()) {
            return Optional.empty();
        }
        String id = ImageIds.normalize(result.answer());
        return Optional.of(new PublishedImage(reference, id, id));
    }

    @Override
    public PublishedImage publish(String imageId, String image, List<String> tags, String mutableTag, OutputSink log) {
        tag(imageId, image, tags, log);
        if (mutableTag != null) {
            tag(imageId, image, List.of(mutableTag), log);
        }
        String id = ImageIds.normalize(imageId);
        return new PublishedImage(image + ":" + tags.get(0), id, id);
    }

    @Override
    public void retag(PublishedImage published, String image, List<String> tags, String mutableTag, OutputSink log) {
        publish(published.imageId(), image, tags, mutableTag, log);
    }

    private void tag(String imageId, String image, List<String> tags, OutputSink log) {
        List<String> references = new ArrayList<>();
        tags.forEach(tag -> references.add(image + ":" + tag));
        CommandResult result = runner.run(buildah.tag(ImageIds.bare(imageId), references), log);
        if (!result.ok()) {
            throw new BuildFailure("cannot tag " + String.join(", ", references) + ": " + result.lastErrorLine(), "");
        }
    }
}
