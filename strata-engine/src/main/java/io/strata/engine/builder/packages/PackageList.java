package io.strata.engine.builder.packages;

import java.util.List;

/**
 * A root's package list ({@code packages.yaml}, docs/layers-format.md section 5), checked.
 *
 * @param file the file it was read from
 * @param manager {@code apt}, {@code dnf} or {@code zypper}
 * @param release the releasever (dnf, zypper) or suite (apt), or null
 * @param repos the repositories
 * @param packageGroups dnf groups or zypper patterns
 * @param packages the packages to install
 * @param removePackages the packages to remove after the install
 * @param cmds commands run inside the new root after the install, each an argument vector
 * @param value the whole file as parsed (what the input digest hashes)
 */
public record PackageList(
        String file,
        String manager,
        String release,
        List<PackageRepo> repos,
        List<String> packageGroups,
        List<String> packages,
        List<String> removePackages,
        List<List<String>> cmds,
        Object value) {

    /** Keeps immutable copies. */
    public PackageList {
        repos = List.copyOf(repos);
        packageGroups = List.copyOf(packageGroups);
        packages = List.copyOf(packages);
        removePackages = List.copyOf(removePackages);
        cmds = cmds.stream().map(List::copyOf).toList();
    }
}
