package io.strata.engine.builder.publish;

/**
 * An image where a publisher keeps it.
 *
 * @param reference {@code image:tag}
 * @param imageId the image ID: the digest of its config ({@code sha256:...}), equal locally and
 *     in a registry
 * @param digest what the image is pulled by: the registry's manifest digest, or the image ID for
 *     the local store
 */
public record PublishedImage(String reference, String imageId, String digest) {
}
