package io.strata.engine.builder.prune;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.ScriptedRunner;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.buildah.BuildahOptions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ImagePrunerTest {

    private static final String REG = "127.0.0.1:5000/ca/hsn-base";

    private static String image(String id, String created, String... names) {
        String list = names.length == 0 ? "null" : "[\"" + String.join("\", \"", names) + "\"]";
        return "{\"id\": \"" + id + "\", \"names\": " + list + ", \"createdatraw\": \"" + created + "\", \"created\": 1}";
    }

    private final ScriptedRunner runner = new ScriptedRunner()
            .when(List.of("buildah", "images"), ScriptedRunner.result(0, "[" + String.join(",",
                    image("i2", "2026-12-01T10:00:00.2Z", REG + ":in-b", REG + ":r2"),
                    image("i5", "2026-12-05T10:00:00Z", REG + ":in-e", REG + ":r5"),
                    image("i1", "2026-12-01T10:00:00.100000001Z", "localhost/ca/hsn-base:t1"),
                    image("i3", "2026-12-03T10:00:00Z", REG + ":in-c", REG + ":latest"),
                    image("i4", "2026-12-04T10:00:00Z", REG + ":in-d"),
                    image("x1", "2026-01-01T00:00:00Z", "docker.io/library/debian:bookworm")) + "]", ""))
            .when(c -> c.argv().contains("dangling=true"), c -> ScriptedRunner.result(0, "[" + image("u1", "2026-12-02T00:00:00Z") + "]", ""), 10);

    private final ImagePruner pruner = new ImagePruner(new Buildah(BuildahOptions.defaults()), runner);

    private List<String> removedIds() {
        return runner.argvs("buildah", "rmi").stream().map(argv -> argv.get(argv.size() - 1)).toList();
    }

    @Test
    void theNewestOfEachNodeAndEveryPublishedImageStayTheRestAndStrataUntaggedImagesGo() {
        ImagePruner.Outcome outcome = pruner.prune(Set.of("ca/hsn-base", "ca/compute-compute"), Set.of("latest"), 2, false);
        assertEquals(List.of("i5", "i4", "i3"), outcome.kept().get("ca/hsn-base").stream().map(ImagePruner.StoredImage::id).toList(),
                "the two newest, and the published one although older");
        assertEquals(List.of(REG + ":in-b", REG + ":r2", "localhost/ca/hsn-base:t1", "u1"), removedIds(),
                "by name, newest first (nanoseconds ordered as times, not as text); an untagged image by ID");
        assertEquals(List.of("i2", "i1", "u1"), outcome.removed().stream().map(ImagePruner.StoredImage::id).toList());
    }

    @Test
    void aDryRunRemovesNothingAndARefusedRemovalIsReportedNotFatal() {
        assertEquals(3, pruner.prune(Set.of("ca/hsn-base"), Set.of("latest"), 2, true).removed().size());
        assertTrue(removedIds().isEmpty());
        runner.when(List.of("buildah", "rmi", REG + ":in-b"), ScriptedRunner.result(125, "", "Error: image used by 1 container"));
        ImagePruner.Outcome outcome = pruner.prune(Set.of("ca/hsn-base"), Set.of("latest"), 2, false);
        assertEquals(List.of("i1", "u1"), outcome.removed().stream().map(ImagePruner.StoredImage::id).toList());
        assertEquals("Error: image used by 1 container", outcome.refused().values().iterator().next());
    }
}
