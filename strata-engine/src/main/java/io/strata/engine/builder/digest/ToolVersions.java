package io.strata.engine.builder.digest;

/**
 * The versions of the tools that shape an image, part of every input digest: a new builder or
 * Ansible version may build a different image from the same sources.
 *
 * @param strata the builder's version
 * @param buildah {@code buildah --version}
 * @param ansible the first line of {@code ansible-playbook --version}
 */
public record ToolVersions(String strata, String buildah, String ansible) {

    /** The builder's own version. */
    public static final String STRATA_VERSION = "0.1.0";
}
