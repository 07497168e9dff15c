package io.strata.engine.builder.buildah;

/** Reading image references such as {@code registry.example.org:5000/ca/compute-compute:t1}. */
public final class ImageReference {

    /** The registry name of images that only live in the local store. */
    public static final String LOCAL = "localhost";

    private ImageReference() {
    }

    /**
     * The registry part (host[:port]) of a reference; {@code docker.io} when the first component
     * names no host, as container tools read it.
     */
    public static String registryOf(String reference) {
        String ref = reference.startsWith("docker://") ? reference.substring("docker://".length()) : reference;
        int slash = ref.indexOf('/');
        if (slash < 0) {
            return "docker.io";
        }
        String first = ref.substring(0, slash);
        return first.contains(".") || first.contains(":") || first.equals(LOCAL) ? first : "docker.io";
    }

    /** Whether the reference names an image of the local store only ({@code localhost/...}). */
    public static boolean isLocal(String reference) {
        return registryOf(reference).equals(LOCAL);
    }

    /** The repository part of {@code repo:tag} or {@code repo@digest} (the reference itself otherwise). */
    public static String repository(String reference) {
        int at = reference.indexOf('@');
        if (at >= 0) {
            return reference.substring(0, at);
        }
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(0, colon) : reference;
    }

    /** The tag of {@code repo:tag}, or null. */
    public static String tag(String reference) {
        if (reference.contains("@")) {
            return null;
        }
        int colon = reference.lastIndexOf(':');
        return colon > reference.lastIndexOf('/') ? reference.substring(colon + 1) : null;
    }
}
