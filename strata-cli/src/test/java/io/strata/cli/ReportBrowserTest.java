package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code strata report}'s page in a real browser: Debian's Chromium, headless, driven by
 * playwright-core ({@code ci/browser/check-report.mjs}). The graph is drawn, the tables show, the
 * filter (typed, and given in the address) keeps what matches, the page has no script error and
 * makes no request. Skipped when Chromium or playwright-core is missing; failed instead when
 * {@value #REQUIRED} is set (.ci/run sets it).
 */
class ReportBrowserTest {

    /** The environment variable that turns a missing browser from a skip into a failure. */
    static final String REQUIRED = "STRATA_REQUIRE_BROWSER";
    static final Path CHECKER = Path.of("..", "ci", "browser", "check-report.mjs");
    static final Path CHROMIUM = Path.of(System.getenv().getOrDefault("STRATA_CHROMIUM", "/usr/bin/chromium"));
    static final List<String> EVERY_NODE = List.of("my-fav-os/base", "hsn/base", "compute/compute", "uan/uan", "slurm/compute",
            "slurm/uan");

    @TempDir
    Path dir;

    @Test
    void theGraphAndTablesShowAndTheFilterKeepsWhatMatches() throws Exception {
        RequiredTools.need(REQUIRED, Files.isDirectory(CHECKER.resolveSibling("node_modules").resolve("playwright-core")),
                "playwright-core is not installed: run `npm ci` in ci/browser (Node.js 20), as .ci/run does");
        RequiredTools.need(REQUIRED, Files.isExecutable(CHROMIUM), CHROMIUM + " is missing: apt-get install -y chromium");
        Path result = dir.resolve("result.json");
        Files.writeString(result, ReportCommandTest.RESULT);
        Path page = dir.resolve("report.html");
        CliRun run = CliRun.of("report", "--config", ExampleSite.DIR.resolve("layers.yaml").toString(), "--full",
                "--result", result.toString(), "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());

        Path screenshot = dir.resolve("report.png");
        JsonNode seen = check(page, screenshot, "munge", "HSN", "no such thing", "slurm-wlm");
        assertEquals("[]", seen.get("errors").toString(), "script errors");
        assertEquals("[]", seen.get("requests").toString(), "the page asks for nothing");

        JsonNode initial = seen.get("initial");
        assertEquals(sorted(EVERY_NODE), sorted(texts(initial.get("graph"))), "every node drawn, none dimmed");
        assertEquals(EVERY_NODE, texts(initial.get("nodes")));
        assertEquals(List.of("munge<script>", "slurm-wlm"), texts(initial.get("packages")), "names shown as text, not markup");
        assertEquals(List.of("/etc/munge/munge.key", "/etc/slurm/slurm.conf"), texts(initial.get("files")));
        assertEquals(List.of("slurm/compute"), texts(initial.get("sections")));
        assertEquals("6 nodes", initial.get("count").asText());

        // A package's name keeps the node that changed it, and only the matching rows of its changes.
        JsonNode munge = seen.get("filters").get("munge");
        assertEquals(List.of("slurm/compute"), texts(munge.get("nodes")));
        assertEquals(List.of("munge<script>"), texts(munge.get("packages")));
        assertEquals(List.of("/etc/munge/munge.key"), texts(munge.get("files")));
        assertTrue(texts(munge.get("graph")).contains("slurm/compute") && texts(munge.get("graph")).contains("hsn/base (dimmed)"),
                munge.get("graph").toString());
        assertEquals("1 of 6 nodes match", munge.get("count").asText());
        assertEquals(munge.toString(), seen.get("linked").toString(), "#filter=munge in the address filters the same way");

        // A node's name, in any case, keeps that node; a node without changes has no section to show.
        JsonNode hsn = seen.get("filters").get("HSN");
        assertEquals(List.of("hsn/base"), texts(hsn.get("nodes")));
        assertEquals(List.of(), texts(hsn.get("sections")));
        JsonNode slurm = seen.get("filters").get("slurm-wlm");
        assertEquals(List.of("slurm-wlm"), texts(slurm.get("packages")));
        assertEquals(List.of("packages"), texts(slurm.get("tables")), "a node's file table left without rows is hidden");
        assertEquals(List.of("packages", "files"), texts(initial.get("tables")));
        JsonNode nothing = seen.get("filters").get("no such thing");
        assertEquals(List.of(), texts(nothing.get("nodes")));
        assertEquals("0 of 6 nodes match", nothing.get("count").asText());

        BufferedImage picture = ImageIO.read(screenshot.toFile());
        assertTrue(picture.getWidth() >= 1280 && picture.getHeight() > 900, picture.getWidth() + "x" + picture.getHeight());
        assertTrue(colouredShare(picture) > 0.01, "the screenshot shows the graph's filled boxes: " + colouredShare(picture));
    }

    /** Runs the checker (an argument vector, no shell) and reads what it printed. */
    private JsonNode check(Path page, Path screenshot, String... filters) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("node", CHECKER.toString(), page.toString(), screenshot.toString()));
        command.addAll(List.of(filters));
        Path out = dir.resolve("check.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(out.toFile()).start();
        if (!process.waitFor(120, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            Assertions.fail("the browser check did not finish in 120 s: " + Files.readString(out));
        }
        String printed = Files.readString(out, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        return new ObjectMapper().readTree(printed.substring(printed.lastIndexOf("\n{") + 1));
    }

    /** The share of pixels that are neither white nor grey: the orange boxes of rebuilt nodes, the green and red words. */
    private static double colouredShare(BufferedImage picture) {
        long coloured = 0;
        for (int y = 0; y < picture.getHeight(); y++) {
            for (int x = 0; x < picture.getWidth(); x++) {
                int rgb = picture.getRGB(x, y);
                int r = rgb >> 16 & 0xff;
                int g = rgb >> 8 & 0xff;
                int b = rgb & 0xff;
                coloured += Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60 ? 1 : 0;
            }
        }
        return (double) coloured / ((long) picture.getWidth() * picture.getHeight());
    }

    private static List<String> texts(JsonNode list) {
        List<String> texts = new ArrayList<>();
        list.forEach(n -> texts.add(n.asText()));
        return texts;
    }

    private static List<String> sorted(List<String> list) {
        return list.stream().sorted().toList();
    }
}
