package io.strata.engine.builder;

import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.ImageReference;
import io.strata.engine.builder.buildah.PullPolicy;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.publish.PublishedImage;
import io.strata.engine.builder.publish.Publisher;

/**
 * Where a node's container starts: {@code scratch} for a root; the image its parent built in this
 * run; else the parent image the job names, looked up (without pulling) in the local store or the
 * registry, so that its image ID enters the input digest.
 */
final class ParentResolver {

    /**
     * The image a container starts from.
     *
     * @param reference what {@code buildah from} is given
     * @param imageId its image ID (config digest), or null for {@code scratch}
     * @param pull when {@code buildah from} pulls it: always from a registry (a mutable tag may
     *     have moved), never a local image
     */
    record Parent(String reference, String imageId, PullPolicy pull) {
    }

    private final Publisher local;
    private final Publisher registry;

    ParentResolver(Publisher local, Publisher registry) {
        this.local = local;
        this.registry = registry;
    }

    /**
     * The parent of the attempt's node.
     *
     * @param builtInThisRun the image the parent built in this run, or null
     * @throws BuildFailure when the parent image the job names does not exist
     */
    Parent resolve(NodeAttempt attempt, PublishedImage builtInThisRun) {
        if (attempt.node.isRoot()) {
            return new Parent(Buildah.SCRATCH, null, PullPolicy.NEVER);
        }
        if (builtInThisRun != null) {
            String reference = builtInThisRun.reference();
            return new Parent(reference, builtInThisRun.imageId(), ImageReference.isLocal(reference) ? PullPolicy.NEVER : PullPolicy.MISSING);
        }
        String from = attempt.job.from();
        boolean isLocal = ImageReference.isLocal(from);
        PublishedImage found = (isLocal ? local : registry).find(from, attempt.log).orElseThrow(() -> new BuildFailure(
                "the parent image " + from + " of " + attempt.job.node() + " does not exist" + (isLocal ? " in the local store" : ""),
                "build the parent of " + attempt.job.node() + " first, or correct the parent image given"));
        return new Parent(from, found.imageId(), isLocal ? PullPolicy.NEVER : PullPolicy.ALWAYS);
    }
}
