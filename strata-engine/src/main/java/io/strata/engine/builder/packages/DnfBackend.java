package io.strata.engine.builder.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * RPM roots with {@code dnf --installroot}: only the list's repositories are enabled (the host's
 * are disabled), weak dependencies are not installed, groups are installed as {@code @group}.
 */
public final class DnfBackend implements PackageBackend {

    /** A backend. */
    public DnfBackend() {
    }

    @Override
    public RootRecipe recipe(PackageList list, Path root, Path workDir) {
        List<RootStep> steps = new ArrayList<>();
        List<String> install = base(root, list);
        for (PackageRepo repo : list.repos()) {
            install.add("--repofrompath=" + repo.alias() + "," + repo.url());
            install.add("--enablerepo=" + repo.alias());
            if (repo.gpgcheck() != null) {
                install.add("--setopt=" + repo.alias() + ".gpgcheck=" + (repo.gpgcheck() ? "1" : "0"));
            }
        }
        install.add("--setopt=install_weak_deps=False");
        install.add("install");
        list.packageGroups().forEach(group -> install.add("@" + group));
        install.addAll(list.packages());
        steps.add(new RootStep("dnf install", install, false));
        if (!list.removePackages().isEmpty()) {
            List<String> remove = base(root, list);
            remove.add("remove");
            remove.addAll(list.removePackages());
            steps.add(new RootStep("dnf remove", remove, false));
        }
        steps.addAll(PackageBackend.commands(list, root));
        return new RootRecipe(Map.of(), steps);
    }

    private static List<String> base(Path root, PackageList list) {
        List<String> argv = new ArrayList<>(List.of("dnf", "-y", "--installroot=" + root));
        if (list.release() != null) {
            argv.add("--releasever=" + list.release());
        }
        argv.add("--disablerepo=*");
        return argv;
    }
}
