package io.strata.engine.builder.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * SUSE roots with {@code zypper --root}: the list's repositories are added to the new root,
 * refreshed (keys imported), then patterns and packages installed without recommends.
 */
public final class ZypperBackend implements PackageBackend {

    /** A backend. */
    public ZypperBackend() {
    }

    @Override
    public RootRecipe recipe(PackageList list, Path root, Path workDir) {
        List<RootStep> steps = new ArrayList<>();
        for (PackageRepo repo : list.repos()) {
            List<String> add = base(root, list);
            add.add("addrepo");
            if (repo.gpgcheck() != null) {
                add.add(repo.gpgcheck() ? "--gpgcheck" : "--no-gpgcheck");
            }
            add.add(repo.url());
            add.add(repo.alias());
            steps.add(new RootStep("zypper addrepo " + repo.alias(), add, false));
        }
        List<String> refresh = base(root, list);
        refresh.add(2, "--gpg-auto-import-keys");
        refresh.add("refresh");
        steps.add(new RootStep("zypper refresh", refresh, false));
        if (!list.packageGroups().isEmpty()) {
            List<String> patterns = base(root, list);
            patterns.addAll(List.of("install", "--no-recommends", "-t", "pattern"));
            patterns.addAll(list.packageGroups());
            steps.add(new RootStep("zypper install patterns", patterns, false));
        }
        if (!list.packages().isEmpty()) {
            List<String> install = base(root, list);
            install.addAll(List.of("install", "--no-recommends"));
            install.addAll(list.packages());
            steps.add(new RootStep("zypper install", install, false));
        }
        if (!list.removePackages().isEmpty()) {
            List<String> remove = base(root, list);
            remove.add("remove");
            remove.addAll(list.removePackages());
            steps.add(new RootStep("zypper remove", remove, false));
        }
        steps.addAll(PackageBackend.commands(list, root));
        return new RootRecipe(Map.of(), steps);
    }

    private static List<String> base(Path root, PackageList list) {
        List<String> argv = new ArrayList<>(List.of("zypper", "--non-interactive"));
        if (list.release() != null) {
            argv.add("--releasever");
            argv.add(list.release());
        }
        argv.add("--root");
        argv.add(root.toString());
        return argv;
    }
}
