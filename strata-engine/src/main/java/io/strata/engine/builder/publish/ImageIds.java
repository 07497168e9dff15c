package io.strata.engine.builder.publish;

/** Image IDs as buildah prints them (bare hex) and as labels and digests carry them ({@code sha256:hex}). */
public final class ImageIds {

    private ImageIds() {
    }

    /** The ID with its {@code sha256:} prefix. */
    public static String normalize(String id) {
        String text = id.strip();
        return text.startsWith("sha256:") ? text : "sha256:" + text;
    }

    /** The ID without prefix, as buildah takes it. */
    public static String bare(String id) {
        String text = id.strip();
        return text.startsWith("sha256:") ? text.substring("sha256:".length()) : text;
    }
}
