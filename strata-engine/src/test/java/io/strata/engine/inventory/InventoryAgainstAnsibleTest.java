package io.strata.engine.inventory;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.source.DirectorySourceTree;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values a build container sees, as Strata computes them and as Ansible itself reads the same
 * inventory: random inventories of one or two folders (group hierarchies, hosts files' group
 * variables, group_vars, {@code ansible_group_priority}) compared with {@code ansible-inventory
 * --host} of the container in its groups, as builds pass it ({@code -i} per folder, then the
 * build inventory). Needs Ansible; .ci/run sets {@code STRATA_REQUIRE_ANSIBLE} so that it runs.
 */
class InventoryAgainstAnsibleTest {

    private static final int CASES = 30;
    private static final int GROUPS = 5;
    private static final String HOST = "strata-build";

    @TempDir
    Path dir;

    @Test
    void everyValueTheContainerSeesIsTheOneAnsibleGivesIt() throws IOException, InterruptedException {
        needAnsible();
        ObjectMapper json = new ObjectMapper();
        // One generator for all cases: java.util.Random's first values for consecutive small seeds are alike.
        Random random = new Random(20261207);
        for (int seed = 0; seed < CASES; seed++) {
            Path site = Files.createDirectories(dir.resolve("case" + seed));
            List<String> folders = random.nextBoolean() ? List.of("inv1") : List.of("inv1", "inv2");
            for (int folder = 0; folder < folders.size(); folder++) {
                writeFolder(site.resolve(folders.get(folder)), folder, random);
            }
            List<String> containerGroups = new ArrayList<>(List.of("g" + random.nextInt(GROUPS)));
            if (random.nextBoolean()) {
                containerGroups.add("g" + random.nextInt(GROUPS));
            }
            Map<String, Object> ours = new TreeMap<>();
            Inventory.load(DirectorySourceTree.of(site), folders, new ParsedVarsFiles()).variablesFor(containerGroups)
                    .forEach((name, definition) -> ours.put(name, definition.value()));
            JsonNode ansible = ansibleView(site, folders, containerGroups);
            assertEquals(ansible, json.valueToTree(ours), "case " + seed + " (" + site + "), container in " + containerGroups);
        }
    }

    @Test
    void aLaterFoldersGroupVarsWinOverADeeperGroupOfAnEarlierFolder() throws IOException, InterruptedException {
        needAnsible();
        write(dir.resolve("a/hosts"), "[HSN:children]\nCompute\n\n[Compute]\nc001\n\n[Compute:vars]\ny=a-inline-compute\n");
        write(dir.resolve("a/group_vars/Compute.yml"), "x: a-compute\nz: a-compute\n");
        write(dir.resolve("b/hosts"), "[HSN]\n\n[HSN:vars]\ny=b-inline-hsn\n");
        write(dir.resolve("b/group_vars/HSN.yml"), "x: b-hsn\n");
        write(dir.resolve("b/group_vars/all.yml"), "z: b-all\n");
        Map<String, Object> ours = new TreeMap<>();
        Inventory.load(DirectorySourceTree.of(dir), List.of("a", "b"), new ParsedVarsFiles()).variablesFor(List.of("Compute"))
                .forEach((name, definition) -> ours.put(name, definition.value()));
        // Ansible: x from b's HSN (a later folder's group_vars), y from a's Compute (hosts files by group), z from a's Compute.
        assertEquals(Map.of("x", "b-hsn", "y", "a-inline-compute", "z", "a-compute"), ours);
        assertEquals(ansibleView(dir, List.of("a", "b"), List.of("Compute")), new ObjectMapper().valueToTree(ours));
    }

    /**
     * A hosts file, INI or YAML, declaring every group, some children (only later groups: no
     * cycle) and vars;
     * sometimes a sub-folder's hosts file with one more parent; group_vars as files, as folders of
     * files read in name order, or both (the folder is read, not the file).
     */
    private static void writeFolder(Path folder, int index, Random random) throws IOException {
        List<StringBuilder> ini = new ArrayList<>();
        StringBuilder yaml = new StringBuilder("all:\n  children:\n");
        for (int group = 0; group < GROUPS; group++) {
            StringBuilder section = new StringBuilder("[g" + group + "]\n");
            yaml.append("    g").append(group).append(":\n");
            if (random.nextInt(3) == 0) {
                section.append('h').append(index).append(group).append('\n');
                yaml.append("      hosts:\n        h").append(index).append(group).append(":\n");
            }
            StringBuilder children = new StringBuilder();
            for (int child = group + 1; child < GROUPS; child++) {
                if (random.nextInt(3) == 0) {
                    children.append('g').append(child).append('\n');
                }
            }
            if (children.length() > 0) {
                section.append("[g").append(group).append(":children]\n").append(children);
                yaml.append("      children:\n").append(children.toString().replaceAll("(?m)^(g\\d+)$", "        $1:"));
            }
            if (random.nextBoolean()) {
                StringBuilder vars = new StringBuilder();
                for (int variable = 0; variable < 4; variable++) {
                    if (random.nextBoolean()) {
                        vars.append('v').append(variable).append("=inline-f").append(index).append("-g").append(group).append('\n');
                    }
                }
                if (random.nextInt(4) == 0) {
                    vars.append("ansible_group_priority=").append(1 + random.nextInt(3)).append('\n');
                }
                if (vars.length() > 0) {
                    section.append("[g").append(group).append(":vars]\n").append(vars);
                    yaml.append("      vars:\n").append(vars.toString().replaceAll("(?m)^(\\w+)=(.*)$", "        $1: $2"));
                }
            }
            ini.add(section);
        }
        if (random.nextBoolean()) {
            write(folder.resolve("hosts"), String.join("\n", ini));
        } else {
            write(folder.resolve("hosts.yml"), yaml.toString());
        }
        if (random.nextInt(3) == 0) {
            int parent = random.nextInt(GROUPS - 1);
            int child = parent + 1 + random.nextInt(GROUPS - parent - 1);
            write(folder.resolve("site/hosts"), "[g" + child + "]\n\n[g" + parent + ":children]\ng" + child + "\n");
        }
        for (int group = -1; group < GROUPS; group++) {
            String name = group < 0 ? "all" : "g" + group;
            Path vars = folder.resolve("group_vars");
            int layout = random.nextInt(6);
            if (layout == 0 || layout == 1 || layout == 5) {
                write(vars.resolve(name + ".yml"), groupVars(random, "gv-f" + index + "-" + name, 100 * index + group + 1));
            }
            if (layout >= 4) {
                write(vars.resolve(name).resolve("10-first.yml"), groupVars(random, "dir1-f" + index + "-" + name, 1000 + group));
                write(vars.resolve(name).resolve("20-second.yaml"), groupVars(random, "dir2-f" + index + "-" + name, 2000 + group));
            }
        }
    }

    /** Some of three variables, each a string or a number. */
    private static String groupVars(Random random, String text, int number) {
        StringBuilder vars = new StringBuilder();
        for (int variable = 0; variable < 3; variable++) {
            if (random.nextBoolean()) {
                vars.append('v').append(variable).append(": ").append(random.nextBoolean() ? text : String.valueOf(number)).append('\n');
            }
        }
        return vars.length() == 0 ? "---\n" : vars.toString();
    }

    private JsonNode ansibleView(Path site, List<String> folders, List<String> groups) throws IOException, InterruptedException {
        StringBuilder build = new StringBuilder("all:\n  children:\n");
        for (String group : groups) {
            build.append("    ").append(group).append(":\n      hosts:\n        ").append(HOST).append(":\n");
        }
        write(site.resolve("build.yml"), build.toString());
        List<String> argv = new ArrayList<>(List.of("ansible-inventory"));
        for (String folder : folders) {
            argv.add("-i");
            argv.add(folder);
        }
        argv.addAll(List.of("-i", "build.yml", "--host", HOST));
        ProcessBuilder process = new ProcessBuilder(argv).directory(site.toFile());
        process.environment().put("ANSIBLE_LOCAL_TEMP", Files.createDirectories(site.resolve("tmp")).toString());
        process.environment().put("ANSIBLE_HOME", site.resolve("home").toString());
        process.redirectError(site.resolve("stderr.txt").toFile());
        Process run = process.start();
        byte[] out = run.getInputStream().readAllBytes();
        assertEquals(0, run.waitFor(), () -> "ansible-inventory failed: " + read(site.resolve("stderr.txt")));
        return new ObjectMapper().readTree(out);
    }

    private static void needAnsible() {
        boolean present = System.getenv("PATH") != null && java.util.Arrays.stream(System.getenv("PATH").split(":"))
                .anyMatch(path -> Files.isExecutable(Path.of(path, "ansible-inventory")));
        String required = System.getenv("STRATA_REQUIRE_ANSIBLE");
        if (!present && required != null && !required.isBlank()) {
            Assertions.fail("ansible-inventory is not on the PATH (STRATA_REQUIRE_ANSIBLE is set): apt-get install ansible");
        }
        Assumptions.assumeTrue(present, "ansible-inventory is not on the PATH: apt-get install ansible");
    }

    private static void write(Path file, String text) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
