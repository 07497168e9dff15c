package io.strata.engine.builder.publish;

import io.strata.engine.builder.buildah.BuildahOptions;
import io.strata.engine.builder.process.Command;
import java.util.ArrayList;
import java.util.List;

/** The skopeo commands that read and tag images in a registry without pulling them, as argument vectors. */
public final class Skopeo {

    /** The program. */
    public static final String SKOPEO = "skopeo";

    private final BuildahOptions options;

    /** Commands with buildah's registry options (auth file, TLS). */
    public Skopeo(BuildahOptions options) {
        this.options = options;
    }

    private void auth(List<String> args) {
        if (options.authFile() != null) {
            args.add("--authfile");
            args.add(options.authFile().toString());
        }
    }

    /** The raw manifest of {@code docker://reference} (its config digest is the image ID). */
    public Command rawManifest(String reference) {
        List<String> args = new ArrayList<>(List.of(SKOPEO, "inspect", "--raw", "--retry-times", "2"));
        auth(args);
        if (!options.verifiesTls(reference)) {
            args.add("--tls-verify=false");
        }
        args.add("docker://" + reference);
        return Command.of(args);
    }

    /** The manifest digest of {@code docker://reference}. */
    public Command digest(String reference) {
        List<String> args = new ArrayList<>(List.of(SKOPEO, "inspect", "--retry-times", "2", "--format", "{{.Digest}}"));
        auth(args);
        if (!options.verifiesTls(reference)) {
            args.add("--tls-verify=false");
        }
        args.add("docker://" + reference);
        return Command.of(args);
    }

    /** Copies a manifest to another tag of the registry, keeping its digest (blobs are already there). */
    public Command copy(String source, String destination) {
        List<String> args = new ArrayList<>(List.of(SKOPEO, "copy", "-q", "--preserve-digests", "--retry-times", "2"));
        if (options.authFile() != null) {
            args.add("--src-authfile");
            args.add(options.authFile().toString());
            args.add("--dest-authfile");
            args.add(options.authFile().toString());
        }
        if (!options.verifiesTls(source)) {
            args.add("--src-tls-verify=false");
        }
        if (!options.verifiesTls(destination)) {
            args.add("--dest-tls-verify=false");
        }
        args.add("docker://" + source);
        args.add("docker://" + destination);
        return Command.of(args);
    }
}
