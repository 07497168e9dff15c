package io.strata.engine.builder.audit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares the files Ansible read while it built a node with the node's analysed inputs. A file
 * of the site read by the run is explained when it is one of the files the node's input digest
 * counts by content, or an inventory file Strata parses (every value it defines is tracked); any
 * other file of the site is an unexplained read, a soundness failure of the analysis. Files
 * outside the site's folders are not the site's (Ansible's installation, Python, the system, the
 * image being built, the agent's own Ansible settings) and the build's own files (its inventory,
 * Ansible's temporary folder) are Strata's: both are left out by rule (docs/impact.md).
 *
 * @param playbookRoot the folder Ansible ran in: the node's repository as built
 * @param playbookInputs the files of that repository the node's digest counts, repository-relative
 * @param inventoryRoot the folder of the tree the inventory was read from, or null for none
 * @param inventoryFiles the inventory files Strata parses, relative to {@code inventoryRoot}
 * @param ignored the build's own files and folders (its inventory file, temporary folder, the image root)
 */
public record InputAudit(Path playbookRoot, Set<String> playbookInputs, Path inventoryRoot, Set<String> inventoryFiles,
        List<Path> ignored) {

    /** Keeps immutable copies, with the folders as the tracer reports them (symbolic links resolved). */
    public InputAudit {
        playbookRoot = real(playbookRoot);
        playbookInputs = Set.copyOf(playbookInputs);
        inventoryRoot = inventoryRoot == null ? null : real(inventoryRoot);
        inventoryFiles = Set.copyOf(inventoryFiles);
        ignored = ignored.stream().map(InputAudit::real).toList();
    }

    /**
     * What the audit found: the site files read, and those among them no analysed input explains.
     * Only the site's regular files are looked at on disk, not the thousands of paths of Ansible's
     * own installation a run opens.
     */
    public AuditReport check(Set<Path> reads) {
        Set<String> read = new TreeSet<>();
        int readInputs = 0;
        int readInventory = 0;
        List<String> unexplained = new ArrayList<>();
        for (Path file : reads) {
            if (ignored.stream().anyMatch(file::startsWith)) {
                continue;
            }
            String asInput = file.startsWith(playbookRoot) ? playbookRoot.relativize(file).toString() : null;
            String asInventory = inventoryRoot != null && file.startsWith(inventoryRoot) ? inventoryRoot.relativize(file).toString() : null;
            if (asInput == null && asInventory == null || !Files.isRegularFile(file)) {
                continue;
            }
            read.add(asInput != null ? asInput : asInventory);
            if (asInput != null && playbookInputs.contains(asInput)) {
                readInputs++;
            } else if (asInventory != null && inventoryFiles.contains(asInventory)) {
                readInventory++;
            } else {
                unexplained.add(asInput != null ? asInput : asInventory);
            }
        }
        return new AuditReport(playbookInputs.size(), inventoryFiles.size(), read, readInputs, readInventory, unexplained);
    }

    private static Path real(Path path) {
        try {
            return path.toRealPath();
        } catch (IOException e) {
            return path.toAbsolutePath().normalize();
        }
    }
}
