package io.strata.engine.builder;

import java.nio.file.Path;

/**
 * What a run asks of each node's build, on top of the site's {@link BuildSettings}.
 *
 * @param settings the build settings (connection, interpreter, squashfs, test, ...)
 * @param mutableTag the tag moved to each image once it is published (e.g. {@code latest}),
 *     or null to move none
 * @param reuse whether a node whose input digest is already published is reused, not built
 * @param workDir where nodes' scratch folders go (each removed when its node ends)
 * @param logDir where logs and input lists go
 * @param source the sources' repository and commit, for labels
 * @param auditInputs whether each playbook run is traced and what it read compared with the node's analysed inputs
 */
public record BuildOptions(BuildSettings settings, String mutableTag, boolean reuse, Path workDir, Path logDir, SourceInfo source,
        boolean auditInputs) {
}
