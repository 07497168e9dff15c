package io.strata.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A typical change to the example site, applied to a copy of it.
 *
 * @param title what the change is, for a person
 * @param file the file it edits, relative to the site
 * @param find the text replaced
 * @param replacement the new text
 */
record DemoScenario(String title, String file, String find, String replacement) {

    /** The demo's changes, in order. */
    static List<DemoScenario> all() {
        return List.of(
                new DemoScenario("Slurm template edit (roles/slurm/templates/slurm.conf.j2)",
                        "roles/slurm/templates/slurm.conf.j2", "SlurmctldHost={{ slurm_controller }}\n",
                        "SlurmctldHost={{ slurm_controller }}\nSlurmctldPort=6817\n"),
                new DemoScenario("Compute-only variable change (compute_hugepages in group_vars/Compute.yml)",
                        "cluster-inventory/group_vars/Compute.yml", "compute_hugepages: 0", "compute_hugepages: 512"),
                new DemoScenario("README change (roles/slurm/README.md)",
                        "roles/slurm/README.md", "Variables:", "Variables (see defaults/main.yml):"),
                new DemoScenario("Inventory reformatted: a comment and reordered keys, no value changed",
                        "cluster-inventory/group_vars/all.yml", "cluster_domain: ca.example.org\n",
                        "# Site-wide settings\ncluster_domain: ca.example.org   # DNS domain\n"),
                new DemoScenario("UAN message of the day changed (uan_motd in group_vars/UAN.yml)",
                        "cluster-inventory/group_vars/UAN.yml", "Submit jobs with sbatch.", "Submit jobs with sbatch; docs at /docs."));
    }

    /** Edits the file in the site copy. */
    void apply(Path site) throws IOException {
        Path path = site.resolve(file);
        String text = Files.readString(path);
        if (!text.contains(find)) {
            throw new UserError("demo: " + file + " no longer contains the text the demo edits; update DemoScenario");
        }
        Files.writeString(path, text.replace(find, replacement));
    }
}
