package io.strata.engine.builder.buildah;

import io.strata.engine.builder.process.Command;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The buildah commands of a build, as argument vectors. Nothing here runs anything: the builder
 * runs what these methods return, so each step is tested by the exact command it would run.
 * Work that needs the container's root mounted runs inside {@code buildah unshare} through one
 * constant script ({@link #MOUNTED_RUN}) that takes all data as positional arguments.
 */
public final class Buildah {

    /** The program. */
    public static final String BUILDAH = "buildah";

    /** The {@code FROM} of a root. */
    public static final String SCRATCH = "scratch";

    /**
     * The script that mounts a working container, binds its root at a fixed directory (with
     * {@code /dev}, {@code /proc}, {@code /sys} and a read-only {@code /etc/resolv.conf} when
     * asked), runs one command with standard input closed, and unmounts with one lazy unmount of
     * the top bind. Arguments: container, root directory, 0 or 1 for the binds, the command.
     */
    public static final String MOUNTED_RUN = resource("mounted-run.sh");

    /** The constant script that lists a mounted root's files, their checksums and its dpkg database. */
    public static final String IMAGE_CONTENTS = resource("image-contents.sh");

    private final BuildahOptions options;
    private final boolean asRoot;

    /** Commands run with these options, rootless. */
    public Buildah(BuildahOptions options) {
        this(options, false);
    }

    private Buildah(BuildahOptions options, boolean asRoot) {
        this.options = options;
        this.asRoot = asRoot;
    }

    /**
     * The same commands for a build as root ({@code --allow-root}): root owns the store and can
     * mount, so work that needs a mounted root runs directly, not inside {@code buildah unshare}
     * (which needs subordinate ids that root seldom has).
     */
    public Buildah asRoot() {
        return new Buildah(options, true);
    }

    /** The options. */
    public BuildahOptions options() {
        return options;
    }

    private Command command(List<String> args) {
        List<String> argv = new ArrayList<>();
        argv.add(BUILDAH);
        argv.addAll(args);
        return new Command(argv, options.environment(), null);
    }

    private void registryOptions(List<String> args, String reference) {
        if (options.authFile() != null) {
            args.add("--authfile");
            args.add(options.authFile().toString());
        }
        if (!options.verifiesTls(reference)) {
            args.add("--tls-verify=false");
        }
    }

    /**
     * {@code buildah from}: a working container named {@code name} from an image, or from
     * {@code scratch}. Prints the container's name.
     */
    public Command from(String name, String image, PullPolicy pull) {
        List<String> args = new ArrayList<>(List.of("from", "-q", "--name", name));
        if (!image.equals(SCRATCH)) {
            args.add("--pull=" + pull.flag());
            if (!ImageReference.isLocal(image)) {
                registryOptions(args, image);
            }
        }
        args.add(image);
        return command(args);
    }

    /** The image ID a working container was created from (empty for scratch). */
    public Command containerImageId(String container) {
        return command(List.of("inspect", "--type", "container", "--format", "{{.FromImageID}}", container));
    }

    /** The ID (config digest) of a local image; exit code 125 when there is none. */
    public Command imageId(String reference) {
        return command(List.of("inspect", "--type", "image", "--format", "{{.FromImageID}}", reference));
    }

    /** The labels of a local image, as a JSON object. */
    public Command imageLabels(String reference) {
        return command(List.of("inspect", "--type", "image", "--format", "{{json .OCIv1.Config.Labels}}", reference));
    }

    /** Sets labels on a working container (they land in the committed image). */
    public Command label(String container, Map<String, String> labels) {
        List<String> args = new ArrayList<>(List.of("config"));
        labels.forEach((key, value) -> {
            args.add("--label");
            args.add(key + "=" + value);
        });
        args.add(container);
        return command(args);
    }

    /** Commits a working container to an untagged image and removes the container; prints the image ID. */
    public Command commit(String container) {
        return command(List.of("commit", "-q", "--rm", container));
    }

    /** Gives a local image more names. */
    public Command tag(String image, List<String> references) {
        List<String> args = new ArrayList<>(List.of("tag", image));
        args.addAll(references);
        return command(args);
    }

    /**
     * Pushes a local image to {@code docker://destination}, writing the manifest digest the
     * registry stores to {@code digestFile}.
     */
    public Command push(String image, String destination, Path digestFile) {
        List<String> args = new ArrayList<>(List.of("push", "-q"));
        registryOptions(args, destination);
        args.add("--digestfile");
        args.add(digestFile.toString());
        args.add(image);
        args.add("docker://" + destination);
        return command(args);
    }

    /** Removes a working container (unmounting it). */
    public Command rm(String container) {
        return command(List.of("rm", container));
    }

    /** Removes a local image by ID or name. */
    public Command rmi(String image) {
        return command(List.of("rmi", image));
    }

    /** Lists the store's images as JSON: full IDs, names, creation times. */
    public Command images() {
        return command(List.of("images", "--json", "--no-trunc"));
    }

    /** Lists, as {@link #images()} does, the images without a name that carry a label. */
    public Command untaggedImages(String label) {
        return command(List.of("images", "--json", "--no-trunc", "--filter", "dangling=true", "--filter", "label=" + label));
    }

    /** Lists working containers as {@code name id} lines. */
    public Command containers() {
        return command(List.of("containers", "--format", "{{.ContainerName}} {{.ContainerID}}"));
    }

    /**
     * Runs a command with a working container's root mounted at {@code rootDir} (an empty folder
     * of the build's), inside {@code buildah unshare}.
     *
     * @param binds whether to bind {@code /dev}, {@code /proc}, {@code /sys} and
     *     {@code /etc/resolv.conf} into the root (for work inside it: chroot, Ansible)
     */
    public Command mountedRun(String container, Path rootDir, boolean binds, List<String> argv) {
        List<String> args = new ArrayList<>(List.of("sh", "-c", MOUNTED_RUN, "sh", container, rootDir.toString(), binds ? "1" : "0"));
        args.addAll(argv);
        return unshare(args);
    }

    /**
     * Writes what a working container's root holds into {@code out} (a folder of the build's):
     * {@code files}, {@code sums} and, when the image has one, {@code dpkg-status}
     * ({@code image-contents.sh} says how).
     */
    public Command imageContents(String container, Path rootDir, Path out) {
        return mountedRun(container, rootDir, false, List.of("sh", "-c", IMAGE_CONTENTS, "sh", rootDir.toString(), out.toString()));
    }

    /** Runs a command inside {@code buildah unshare} (the user namespace that owns the store); as root, directly. */
    public Command unshare(List<String> argv) {
        if (asRoot) {
            return new Command(argv, options.environment(), null);
        }
        List<String> args = new ArrayList<>(List.of("unshare", "--"));
        args.addAll(argv);
        return command(args);
    }

    /** {@code buildah --version}. */
    public Command version() {
        return command(List.of("--version"));
    }

    /** The store's graph driver and root, as {@code driver root} on one line. */
    public Command storeInfo() {
        return command(List.of("info", "--format", "{{.store.GraphDriverName}} {{.store.GraphRoot}}"));
    }

    private static String resource(String name) {
        try (InputStream in = Buildah.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
