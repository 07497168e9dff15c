package io.strata.engine.builder.buildah;

/** When {@code buildah from} pulls the parent image ({@code --pull=...}). */
public enum PullPolicy {

    /**
     * Pull even when the name is present locally: a mutable tag (e.g. {@code latest}) or a
     * parent built by another job may have moved.
     */
    ALWAYS("always"),
    /** Pull only when the image is not in the local store (a parent built by this run). */
    MISSING("false"),
    /** Never pull: the image must be local (images named {@code localhost/...}). */
    NEVER("never");

    private final String flag;

    PullPolicy(String flag) {
        this.flag = flag;
    }

    /** The value of buildah's {@code --pull} option. */
    public String flag() {
        return flag;
    }
}
