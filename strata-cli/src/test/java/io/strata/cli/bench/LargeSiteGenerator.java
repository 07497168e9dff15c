package io.strata.cli.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * Writes a large site for the impact benchmark (docs/benchmarks.md) as a git repository with two
 * commits: 300 layers x 6 image types (1,501 nodes), 3,000 roles, about 30,000 files and 20,000
 * variables; the second commit changes 500 files (role templates and tasks, inventory values,
 * role READMEs). SCALE multiplies the layers, roles and variables (4: about 6,000 nodes and
 * 120,000 files); the change stays 500 files.
 *
 * <p>Usage: {@code LargeSiteGenerator DIR [SCALE]}.
 */
public final class LargeSiteGenerator {

    private static final int TYPES = 6;
    private static final int ROLES_PER_LAYER = 10;

    private final Path dir;
    private final int layers;
    private final int roles;
    private final int groupVars;

    private LargeSiteGenerator(Path dir, int scale) {
        this.dir = dir;
        this.layers = 300 * scale;
        this.roles = 3000 * scale;
        this.groupVars = 800 * scale;
    }

    public static void main(String[] args) throws IOException, GitAPIException {
        if (args.length < 1 || args.length > 2 || args.length == 2 && !args[1].matches("[1-9][0-9]?")) {
            System.err.println("usage: LargeSiteGenerator DIR [SCALE]");
            System.exit(2);
        }
        Path dir = Path.of(args[0]);
        if (Files.exists(dir)) {
            System.err.println(dir + " exists; give a new folder");
            System.exit(2);
        }
        new LargeSiteGenerator(dir, args.length == 2 ? Integer.parseInt(args[1]) : 1).generate();
    }

    private void generate() throws IOException, GitAPIException {
        Files.createDirectories(dir);
        writeLayers();
        for (int layer = 0; layer < layers; layer++) {
            writePlaybook(layer);
        }
        for (int role = 0; role < roles; role++) {
            writeRole(role);
        }
        writeInventory();
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            commit(git, "large site");
            List<String> changed = change();
            commit(git, "change " + changed.size() + " files");
            long files;
            try (var paths = Files.walk(dir)) {
                files = paths.filter(Files::isRegularFile).filter(p -> !p.toString().contains("/.git/")).count();
            }
            System.out.printf("%s: %d files, %d changed in HEAD%n", dir, files, changed.size());
        }
    }

    private static String type(int t) {
        return "t" + t;
    }

    /** Layer 0 is a root with all types; layer i lacks type i%6 and hangs under layer (i-1)/4. */
    private void writeLayers() throws IOException {
        StringBuilder text = new StringBuilder("inventory:\n  path: inventory\n  cluster_name: big\n  cluster_name_short: big\n\n");
        for (int layer = 0; layer < layers; layer++) {
            List<Integer> children = new ArrayList<>();
            for (int child = 4 * layer + 1; child <= 4 * layer + 4 && child < layers; child++) {
                children.add(child);
            }
            String childList = children.stream().map(c -> "l" + c).reduce((a, b) -> a + ", " + b).map(s -> "[" + s + "]").orElse("[]");
            text.append("l").append(layer).append(":\n  image_types:\n");
            for (int t = 0; t < TYPES; t++) {
                if (layer == 0) {
                    text.append("    - {type: ").append(type(t)).append(", firstlayer: True, children: ").append(childList).append("}\n");
                } else if (t != layer % TYPES) {
                    text.append("    - {type: ").append(type(t)).append(", groups: [G").append(t).append("], pb: pb/l").append(layer)
                            .append(".yml, children: ").append(childList).append("}\n");
                }
            }
        }
        write("layers.yaml", text.toString());
        write("packages.yaml", "manager: apt\nrelease: bookworm\npackages: [python3]\n");
    }

    private void writePlaybook(int layer) throws IOException {
        StringBuilder text = new StringBuilder("- hosts: all\n  roles:\n");
        for (int i = 0; i < ROLES_PER_LAYER; i++) {
            text.append("    - r").append(layer * ROLES_PER_LAYER + i).append('\n');
        }
        write("pb/l" + layer + ".yml", text.toString());
    }

    private void writeRole(int role) throws IOException {
        String base = "roles/r" + role + "/";
        write(base + "tasks/main.yml", "- name: configure r" + role + "\n  ansible.builtin.template:\n    src: a.j2\n    dest: /etc/r"
                + role + ".conf\n  when: r" + role + "_enabled\n- ansible.builtin.import_tasks: extra.yml\n");
        write(base + "tasks/extra.yml", "- name: extra\n  ansible.builtin.copy:\n    src: x.conf\n    dest: /etc/r" + role + ".x\n");
        StringBuilder defaults = new StringBuilder();
        for (int v = 0; v < 5; v++) {
            defaults.append("r").append(role).append("_v").append(v).append(": ").append(v).append('\n');
        }
        defaults.append("r").append(role).append("_enabled: true\n");
        write(base + "defaults/main.yml", defaults.toString());
        write(base + "vars/main.yml", "r" + role + "_path: /opt/r" + role + "\n");
        write(base + "templates/a.j2", "{{ r" + role + "_v0 }} {{ r" + role + "_v1 }} {{ g" + (role % TYPES) + "_v" + (role % groupVars) + " }}\n");
        write(base + "templates/b.j2", "{% for x in r" + role + "_list | default([]) %}{{ x }}{% endfor %}\n");
        write(base + "handlers/main.yml", "- name: reload r" + role + "\n  ansible.builtin.debug:\n    msg: reload\n");
        write(base + "meta/main.yml", role % 3 == 0 && role > 0 ? "dependencies:\n  - r" + (role - 1) + "\n" : "dependencies: []\n");
        write(base + "files/x.conf", "x=" + role + "\n");
        write(base + "README.md", "# r" + role + "\n");
    }

    private void writeInventory() throws IOException {
        StringBuilder hosts = new StringBuilder("all:\n  children:\n");
        for (int t = 0; t < TYPES; t++) {
            hosts.append("    G").append(t).append(":\n      hosts:\n");
            for (int h = 0; h < 50; h++) {
                hosts.append("        n").append(t).append('-').append(h).append(":\n");
            }
        }
        write("inventory/hosts.yml", hosts.toString());
        for (int t = 0; t < TYPES; t++) {
            StringBuilder vars = new StringBuilder();
            for (int v = 0; v < groupVars; v++) {
                vars.append("g").append(t).append("_v").append(v).append(": value").append(v).append('\n');
            }
            write("inventory/group_vars/G" + t + ".yml", vars.toString());
        }
    }

    /** Changes 500 files: 300 role templates and tasks, 50 inventory values in 5 files, 150 READMEs. */
    private List<String> change() throws IOException {
        Random random = new Random(42);
        List<String> changed = new ArrayList<>();
        while (changed.size() < 300) {
            int role = random.nextInt(roles);
            String path = "roles/r" + role + (random.nextBoolean() ? "/templates/a.j2" : "/tasks/extra.yml");
            if (!changed.contains(path)) {
                append(path, random.nextBoolean() ? "# edited\n" : "");
                changed.add(path);
            }
        }
        for (int t = 0; t < 5; t++) {
            String path = "inventory/group_vars/G" + t + ".yml";
            String text = Files.readString(dir.resolve(path));
            for (int v = 0; v < 10; v++) {
                int var = random.nextInt(groupVars);
                text = text.replace("g" + t + "_v" + var + ": value" + var + "\n", "g" + t + "_v" + var + ": changed" + var + "\n");
            }
            write(path, text);
            changed.add(path);
        }
        while (changed.size() < 500) {
            String path = "roles/r" + random.nextInt(roles) + "/README.md";
            if (!changed.contains(path)) {
                append(path, "More documentation.\n");
                changed.add(path);
            }
        }
        return changed;
    }

    private void append(String path, String extra) throws IOException {
        write(path, Files.readString(dir.resolve(path)) + (extra.isEmpty() ? "# touched\n" : extra));
    }

    private void write(String path, String text) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    private static void commit(Git git, String message) throws GitAPIException {
        git.add().addFilepattern(".").call();
        git.commit().setMessage(message).setAuthor("bench", "bench@example.org").setCommitter("bench", "bench@example.org")
                .setSign(false).call();
    }
}
