package io.strata.engine.builder.packages;

import java.util.List;

/**
 * One command of a root's build, run with the new root mounted at a fixed folder.
 *
 * @param description what it does, for logs and errors
 * @param argv the command
 * @param insideRoot whether it works inside the root (through {@code chroot}); such steps get
 *     {@code /dev}, {@code /proc}, {@code /sys} and {@code /etc/resolv.conf} bound in
 */
public record RootStep(String description, List<String> argv, boolean insideRoot) {

    /** Keeps an immutable copy. */
    public RootStep {
        argv = List.copyOf(argv);
    }
}
