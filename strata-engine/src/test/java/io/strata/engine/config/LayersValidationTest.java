package io.strata.engine.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.graph.LayerGraph;
import io.strata.engine.graph.LayerGraphBuilder;
import io.strata.engine.graph.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Contract sections 1 and 2: the seed file loads as written; every broken rule is located. */
class LayersValidationTest {

    static final String SEED = """
            inventory:                      # reserved key: where the Ansible inventory lives
              path: 'cluster-inventory'     # directory (or repo name, see `repo` below)
              cluster_name: 'clusterA'
              cluster_name_short: 'ca'      # used in image names

            my-fav-os:                      # every other top-level key is a layer
              image_types:
                - {type: 'base', firstlayer: True, children: ['hsn']}

            hsn:
              repo: 'hsn-config'
              image_types:
                - {type: 'base', groups: ['HSN'], pb: 'hsn.yml', children: ['compute', 'uan']}

            compute:
              repo: 'compute-config'
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'comp.yml', children: ['slurm']}

            uan:
              repo: 'uan-config'
              image_types:
                - {type: 'uan', groups: ['UAN'], pb: 'uan.yml', children: ['slurm']}

            slurm:
              repo: 'slurm-config'
              image_types:
                - {type: 'compute', groups: ['Compute'], pb: 'slurm.yml'}
                - {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}
            """;

    static LayerGraph graph(String yaml) {
        return LayerGraphBuilder.load("layers.yaml", yaml.getBytes(StandardCharsets.UTF_8));
    }

    static List<Problem> problems(String yaml) {
        return assertThrows(ConfigException.class, () -> graph(yaml)).problems();
    }

    /** The 1-based line of the first line holding {@code text}. */
    static int lineOf(String yaml, String text) {
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError(text + " is not in the file");
    }

    static Problem only(String yaml) {
        List<Problem> problems = problems(yaml);
        assertEquals(1, problems.size(), () -> "expected one problem: " + problems);
        return problems.get(0);
    }

    @Test
    void imageTypesRepositoriesAndLayersThatCannotBeOneNameEverywhereAreRefusedWithTheirLines() {
        for (String type : List.of("../uan", "u an", "uan;reboot", "a/b", "$(id)", "-x")) {
            String yaml = SEED.replace("type: 'uan', groups: ['UAN'], pb: 'uan.yml'", "type: '" + type
                    + "', groups: ['UAN'], pb: 'uan.yml'").replace("- {type: 'uan', groups: ['UAN'], pb: 'slurm.yml'}\n", "");
            Problem problem = only(yaml);
            assertEquals("image type '" + type + "' is not a plain name", problem.message());
            assertEquals(lineOf(yaml, "type: '" + type + "'"), problem.location().line(), problem.format());
        }
        for (String repo : List.of("slurm config", "slurm=cfg", "../slurm", "slurm`x`")) {
            String yaml = SEED.replace("repo: 'slurm-config'", "repo: '" + repo + "'");
            Problem problem = only(yaml);
            assertEquals("repository name '" + repo + "' is not a plain name", problem.message(), problem.format());
            assertEquals(lineOf(yaml, "repo: '" + repo + "'"), problem.location().line(), problem.format());
        }
        List<Problem> slashed = problems(SEED.replace("uan:\n", "'u/an':\n").replace("children: ['compute', 'uan']",
                "children: ['compute', 'u/an']"));
        assertTrue(slashed.stream().anyMatch(p -> p.message().startsWith("layer name 'u/an' holds '/', '..'")), slashed.toString());
    }

    @Test
    void seedExampleLoadsAsWrittenWithTheContractsEdges() {
        LayerGraph graph = graph(SEED);
        assertEquals(List.of("my-fav-os/base", "hsn/base", "compute/compute", "uan/uan", "slurm/compute", "slurm/uan"),
                graph.topologicalOrder().stream().map(NodeId::toString).toList());
        assertEquals(Optional.empty(), graph.parent(NodeId.parse("my-fav-os/base")));
        assertEquals(Optional.of(NodeId.parse("my-fav-os/base")), graph.parent(NodeId.parse("hsn/base")));
        assertEquals(Optional.of(NodeId.parse("hsn/base")), graph.parent(NodeId.parse("compute/compute")));
        assertEquals(Optional.of(NodeId.parse("hsn/base")), graph.parent(NodeId.parse("uan/uan")));
        assertEquals(Optional.of(NodeId.parse("compute/compute")), graph.parent(NodeId.parse("slurm/compute")));
        assertEquals(Optional.of(NodeId.parse("uan/uan")), graph.parent(NodeId.parse("slurm/uan")));
        assertEquals("ca", graph.config().inventory().clusterNameShort());
        assertEquals("hsn-config", graph.node(NodeId.parse("hsn/base")).repo());
        assertEquals(List.of(List.of(NodeId.parse("my-fav-os/base")), List.of(NodeId.parse("hsn/base")),
                List.of(NodeId.parse("compute/compute"), NodeId.parse("uan/uan")),
                List.of(NodeId.parse("slurm/compute"), NodeId.parse("slurm/uan"))), graph.levels());
    }

    @Test
    void anInventoryPathMayListFoldersReadInOrderButNotNoneOrOneTwice() {
        String two = SEED.replace("path: 'cluster-inventory'", "path: ['environments/common/inventory', 'environments/site/inventory']");
        InventorySettings inventory = graph(two).config().inventory();
        assertEquals(List.of("environments/common/inventory", "environments/site/inventory"), inventory.paths());
        assertEquals(null, inventory.repoName());
        assertEquals("cluster-inventory", graph(SEED).config().inventory().repoName());

        String none = SEED.replace("path: 'cluster-inventory'", "path: []");
        Problem empty = only(none);
        assertEquals(lineOf(none, "path: []"), empty.location().line());
        assertTrue(empty.message().contains("must not be an empty list"), empty.format());

        String twice = SEED.replace("path: 'cluster-inventory'", "path: ['inv', 'site', 'inv']");
        Problem repeated = only(twice);
        assertTrue(repeated.message().contains("'inv' is listed twice"), repeated.format());

        Problem nested = only(SEED.replace("path: 'cluster-inventory'", "path: ['inv', [site]]"));
        assertTrue(nested.message().contains("must be a single value, not a list"), nested.format());
    }

    @Test
    void cycleIsPrintedWithItsPath() {
        Problem cycle = only("""
                a:
                  image_types:
                    - {type: base, pb: a.yml, children: [b]}
                b:
                  image_types:
                    - {type: base, pb: b.yml, children: [a]}
                """);
        assertTrue(cycle.message().equals("cycle: a/base -> b/base -> a/base"), cycle.message());
        assertEquals("layers.yaml", cycle.location().file());
        assertEquals(6, cycle.location().line());
        assertEquals("children", cycle.key());
        assertTrue(cycle.hint().contains("remove 'a' from the children of layer 'b'"), cycle.hint());
        assertTrue(cycle.format().startsWith("layers.yaml:6:"), cycle.format());
    }

    @Test
    void nodeOnACycleWithARootAboveHasTwoParentsAndTheCycle() {
        List<Problem> problems = problems("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [a]}
                a:
                  image_types:
                    - {type: base, pb: a.yml, children: [b]}
                b:
                  image_types:
                    - {type: base, pb: b.yml, children: [a]}
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.message().startsWith("cycle: a/base -> b/base -> a/base")), problems::toString);
        assertTrue(problems.stream().anyMatch(p -> p.message().contains("a/base has 2 candidate parents")), problems::toString);
    }

    @Test
    void unknownChildNamesFileLineAndSuggestsTheNearName() {
        Problem problem = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [slrum]}
                slurm:
                  image_types:
                    - {type: base, pb: slurm.yml}
                """.replace("slurm:\n  image_types:\n    - {type: base, pb: slurm.yml}", "slurm:\n  image_types:\n    - {type: base, firstlayer: True}"));
        assertEquals(3, problem.location().line());
        assertTrue(problem.message().contains("'slrum'") && problem.message().contains("did you mean 'slurm'"), problem.message());
        assertEquals("children", problem.key());
    }

    @Test
    void nodeWithoutParentIsAnError() {
        Problem problem = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True}
                orphan:
                  image_types:
                    - {type: base, pb: orphan.yml}
                """);
        assertEquals(6, problem.location().line());
        assertTrue(problem.message().contains("orphan/base has no parent"), problem.message());
        assertTrue(problem.hint().contains("firstlayer"), problem.hint());
    }

    @Test
    void twoCandidateParentsIsAnError() {
        Problem problem = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [a, b]}
                a:
                  image_types:
                    - {type: x, pb: a.yml, children: [c]}
                b:
                  image_types:
                    - {type: y, pb: b.yml, children: [c]}
                c:
                  image_types:
                    - {type: z, pb: c.yml}
                """);
        assertTrue(problem.message().contains("c/z has 2 candidate parents: a/x and b/y"), problem.message());
        assertEquals(12, problem.location().line());
    }

    @Test
    void duplicateTypeInALayer() {
        Problem problem = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True}
                    - {type: base, firstlayer: True}
                """);
        assertEquals(4, problem.location().line());
        assertTrue(problem.message().contains("type 'base' appears twice"), problem.message());
    }

    @Test
    void missingAndEscapingPlaybook() {
        List<Problem> problems = problems("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [a, b]}
                a:
                  image_types:
                    - {type: base, groups: [A]}
                b:
                  image_types:
                    - {type: uan, pb: '../other/b.yml'}
                """);
        assertEquals(2, problems.size(), problems::toString);
        assertEquals("pb", problems.get(0).key());
        assertEquals(6, problems.get(0).location().line());
        assertTrue(problems.get(0).message().contains("has no playbook"));
        assertEquals(9, problems.get(1).location().line());
        assertTrue(problems.get(1).message().contains("escapes the repository"), problems.get(1).message());
    }

    @Test
    void childrenAsAScalarIsAWrongType() {
        Problem problem = only("""
                os:
                  image_types:
                    - type: base
                      firstlayer: True
                      children: slurm
                slurm:
                  image_types:
                    - {type: base, pb: slurm.yml}
                """);
        assertEquals(5, problem.location().line());
        assertEquals(17, problem.location().column());
        assertTrue(problem.message().contains("must be a list ('slurm')"), problem.message());
        assertTrue(problem.hint().contains("children: ['slurm']"), problem.hint());
    }

    @Test
    void emptyFile() {
        Problem problem = only("# nothing here yet\n");
        assertEquals(1, problem.location().line());
        assertTrue(problem.message().contains("empty"));
    }

    @Test
    void tabsAreRejectedWithTheirLine() {
        Problem problem = only("os:\n  image_types:\n\t- {type: base, firstlayer: True}\n");
        assertEquals(3, problem.location().line());
        assertTrue(problem.message().contains("tab"), problem.message());
        assertTrue(problem.hint().contains("spaces"), problem.hint());
    }

    @Test
    void duplicateKeysAreReportedAtTheSecond() {
        List<Problem> problems = problems("""
                os:
                  image_types:
                    - {type: base, firstlayer: True}
                os:
                  image_types:
                    - {type: base, firstlayer: True}
                """);
        Problem problem = problems.get(0);
        assertEquals(4, problem.location().line());
        assertEquals("os", problem.key());
        assertTrue(problem.message().contains("first written at line 1"), problem.message());
    }

    @Test
    void allProblemsAreReportedAtOnce() {
        List<Problem> problems = problems("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [nope]}
                a:
                  image_types:
                    - {type: base, pb: a.yml, groups: Compute}
                """);
        assertTrue(problems.size() >= 3, problems::toString);
        assertTrue(problems.stream().allMatch(p -> p.location().line() > 0 && p.location().file().equals("layers.yaml")));
    }

    @Test
    void crossTypeEdgesGoOnlyToEntriesWithoutSameTypeParent() {
        LayerGraph graph = graph("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [net]}
                    - {type: gpu, firstlayer: True, children: [net]}
                net:
                  image_types:
                    - {type: gpu, pb: net.yml}
                    - {type: compute, pb: net.yml}
                """);
        assertEquals(Optional.of(NodeId.parse("os/gpu")), graph.parent(NodeId.parse("net/gpu")));
        assertEquals(Optional.of(NodeId.parse("os/base")), graph.parent(NodeId.parse("net/compute")));
    }

    @Test
    void layersWhoseImageNamesCollideAfterNormalisationAreNamedWithTheirLines() {
        Problem upper = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: [UAN, uan]}
                UAN:
                  image_types:
                    - {type: base, pb: uan.yml}
                uan:
                  image_types:
                    - {type: base, pb: uan.yml}
                """);
        assertEquals(9, upper.location().line());
        assertTrue(upper.message().contains("UAN/base (layers.yaml:6:7) and uan/base (layers.yaml:9:7)")
                && upper.message().contains("'uan-base'"), upper.format());
        Problem spaced = only("""
                os:
                  image_types:
                    - {type: base, firstlayer: True, children: ['u a n', 'u-a-n']}
                'u a n':
                  image_types:
                    - {type: base, pb: uan.yml}
                'u-a-n':
                  image_types:
                    - {type: base, pb: uan.yml}
                """);
        assertTrue(spaced.message().contains("'u-a-n-base'"), spaced.format());
        // A layer and type that meet at the dash: a-b/c and a/b-c.
        Problem joined = only("""
                a:
                  image_types:
                    - {type: b-c, firstlayer: True}
                a-b:
                  image_types:
                    - {type: c, firstlayer: True}
                """);
        assertTrue(joined.message().contains("a/b-c") && joined.message().contains("a-b/c"), joined.format());
    }
}
