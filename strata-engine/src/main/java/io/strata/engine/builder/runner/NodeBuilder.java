package io.strata.engine.builder.runner;

import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.publish.PublishedImage;

/** Builds one node: what the runner calls for each node once its parent is done. */
@FunctionalInterface
public interface NodeBuilder {

    /**
     * Builds and publishes a node, or reuses its published image.
     *
     * @param job the node
     * @param parent the image its parent published in this run, or null when the parent is not
     *     part of the run (the job's {@code from} is used)
     * @param log the node's log
     * @return what was published
     * @throws io.strata.engine.builder.failure.BuildFailure when the build fails (nothing is published)
     * @throws io.strata.engine.builder.process.CancelledException when the build was cancelled
     */
    NodeResult build(NodeJob job, PublishedImage parent, OutputSink log);
}
