package io.strata.engine.builder.preflight;

import io.strata.engine.builder.ansible.Connection;
import java.util.Set;

/**
 * What a build needs from this machine.
 *
 * @param allowRoot whether running as root is allowed
 * @param storageDriver {@code auto}, {@code overlay} or {@code vfs}
 * @param connection the Ansible connection, or null when no node runs a playbook
 * @param packageManagers the package managers of the roots built ({@code apt}, {@code dnf}, {@code zypper})
 * @param squashfs whether squashfs files are exported
 * @param registry whether a registry is read or written
 * @param audit whether playbook runs are traced to audit what they read ({@code strace})
 */
public record PreflightNeeds(boolean allowRoot, String storageDriver, Connection connection, Set<String> packageManagers,
        boolean squashfs, boolean registry, boolean audit) {

    /** Keeps an immutable copy. */
    public PreflightNeeds {
        packageManagers = Set.copyOf(packageManagers);
    }
}
