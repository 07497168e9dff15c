package io.strata.engine.builder.packages;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A package manager that fills an empty root from a package list. A backend runs nothing: it
 * returns the commands (argument vectors) that the builder runs, so no name or URL from the list
 * can reach a shell, and each backend is tested by the exact commands it would run.
 */
public interface PackageBackend {

    /**
     * The recipe of a root.
     *
     * @param list the package list
     * @param root the folder where the empty root is mounted while the steps run
     * @param workDir the build's own folder, for files the steps read
     */
    RootRecipe recipe(PackageList list, Path root, Path workDir);

    /** The backend of a list's manager. */
    static PackageBackend of(String manager) {
        return switch (manager) {
            case "apt" -> new AptBackend();
            case "dnf" -> new DnfBackend();
            case "zypper" -> new ZypperBackend();
            default -> throw new IllegalArgumentException("unknown package manager " + manager);
        };
    }

    /** The list's {@code cmds}, each run inside the root through {@code chroot}. */
    static List<RootStep> commands(PackageList list, Path root) {
        List<RootStep> steps = new ArrayList<>();
        for (List<String> cmd : list.cmds()) {
            List<String> argv = new ArrayList<>(List.of("chroot", root.toString()));
            argv.addAll(cmd);
            steps.add(new RootStep("cmds: " + String.join(" ", cmd), argv, true));
        }
        return steps;
    }
}
