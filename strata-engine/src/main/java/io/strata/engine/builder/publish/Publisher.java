package io.strata.engine.builder.publish;

import io.strata.engine.builder.process.OutputSink;
import java.util.List;
import java.util.Optional;

/**
 * Where built images go: a registry, or only the local store. Immutable tags are written
 * first; the mutable tag (e.g. {@code latest}) moves last, only once everything else succeeded.
 */
public interface Publisher {

    /** Whether images go to a registry (false: they stay in the local store). */
    boolean remote();

    /**
     * The image a reference names, if it exists where this publisher publishes.
     *
     * @param reference {@code image:tag}
     * @param log where the commands' output goes
     */
    Optional<PublishedImage> find(String reference, OutputSink log);

    /**
     * Publishes a committed local image.
     *
     * @param imageId the local image's ID
     * @param image the repository ({@code registry/cluster/layer-type})
     * @param tags the immutable tags: the input-digest tag first unless an earlier image holds it, then the run's
     * @param mutableTag the tag moved last, or null for none
     * @param log where the commands' output goes
     * @return the image as published under its first tag
     */
    PublishedImage publish(String imageId, String image, List<String> tags, String mutableTag, OutputSink log);

    /**
     * Gives an already published image more tags (a node reused by its input digest gets the
     * run's tag and the mutable tag).
     *
     * @param published the image as found
     * @param image its repository
     * @param tags the immutable tags to add
     * @param mutableTag the tag moved last, or null for none
     * @param log where the commands' output goes
     */
    void retag(PublishedImage published, String image, List<String> tags, String mutableTag, OutputSink log);
}
