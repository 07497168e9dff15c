package io.strata.engine.builder.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Debian and Ubuntu roots with mmdebstrap (the {@code minbase} variant plus the listed packages),
 * from a sources list written into the build's folder. debootstrap cannot run rootless (it needs
 * mknod); mmdebstrap can, inside {@code buildah unshare}.
 */
public final class AptBackend implements PackageBackend {

    /** The sources list's file name in the build's folder. */
    public static final String SOURCES = "sources.list";

    /**
     * A hook with constant text that leaves no host resolv.conf and an empty hostname in the
     * image (mmdebstrap gives it the hook's root as {@code $1}).
     */
    public static final String CLEANUP_HOOK = "--customize-hook=rm -f \"$1/etc/resolv.conf\"; : > \"$1/etc/hostname\"";

    /** A backend. */
    public AptBackend() {
    }

    @Override
    public RootRecipe recipe(PackageList list, Path root, Path workDir) {
        Path sources = workDir.resolve(SOURCES);
        List<String> mmdebstrap = new ArrayList<>(List.of("mmdebstrap", "--variant=minbase"));
        if (!list.packages().isEmpty()) {
            mmdebstrap.add("--include=" + String.join(",", list.packages()));
        }
        mmdebstrap.add(CLEANUP_HOOK);
        mmdebstrap.add(list.release());
        mmdebstrap.add(root.toString());
        mmdebstrap.add(sources.toString());
        List<RootStep> steps = new ArrayList<>();
        steps.add(new RootStep("mmdebstrap " + list.release(), mmdebstrap, false));
        if (!list.removePackages().isEmpty()) {
            List<String> purge = new ArrayList<>(List.of("chroot", root.toString(), "env", "DEBIAN_FRONTEND=noninteractive",
                    "apt-get", "-y", "purge"));
            purge.addAll(list.removePackages());
            steps.add(new RootStep("remove_packages", purge, true));
        }
        steps.addAll(PackageBackend.commands(list, root));
        return new RootRecipe(Map.of(sources, sourcesList(list)), steps);
    }

    /** One {@code deb} line per repository; {@code gpgcheck: false} marks it trusted. */
    static String sourcesList(PackageList list) {
        StringBuilder text = new StringBuilder();
        for (PackageRepo repo : list.repos()) {
            text.append("deb ");
            if (Boolean.FALSE.equals(repo.gpgcheck())) {
                text.append("[trusted=yes] ");
            }
            text.append(repo.url()).append(' ').append(repo.suite() != null ? repo.suite() : list.release()).append(' ')
                    .append(repo.components() != null ? repo.components() : "main").append('\n');
        }
        return text.toString();
    }
}
