package io.strata.engine.builder;

import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.site.SiteSnapshot;
import java.nio.file.Path;
import java.util.List;

/**
 * A build to run on this machine.
 *
 * @param site the site at the revision built
 * @param jobs the nodes, parents first
 * @param settings the build settings
 * @param registry the registry images are published to (host[:port][/path]), or null to keep
 *     them in the local store
 * @param mutableTag the tag moved to each published image, or null
 * @param reuse whether nodes whose input digest is published are reused
 * @param parallel how many nodes build at once
 * @param workDir where logs ({@code logs/}) and scratch folders ({@code tmp/}) go
 * @param authFile the registry auth file given by the user, or null
 * @param allowRoot whether running as root is allowed
 * @param source the sources' repository and commit, for labels
 * @param auditInputs whether each playbook run is traced and audited against the node's analysed inputs
 */
public record BuildRequest(
        SiteSnapshot site,
        List<NodeJob> jobs,
        BuildSettings settings,
        String registry,
        String mutableTag,
        boolean reuse,
        int parallel,
        Path workDir,
        Path authFile,
        boolean allowRoot,
        SourceInfo source,
        boolean auditInputs) {

    /** Keeps an immutable copy of the jobs. */
    public BuildRequest {
        jobs = List.copyOf(jobs);
    }

    /** Where node logs go. */
    public Path logDir() {
        return workDir.resolve("logs");
    }

    /** Where scratch folders and temporary auth files go. */
    public Path scratchDir() {
        return workDir.resolve("tmp");
    }
}
