package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code strata report}: the page of a plan, of a build's result, and its errors. */
class ReportCommandTest {

    /** A build result as strata build writes it (docs/json.md), with a package name that is markup. */
    static final String RESULT = """
            {"succeeded": true, "cancelled": false, "seconds": 42.5, "criticalPath": {"seconds": 40.0, "nodes": []},
             "nodes": [
              {"node": "slurm/compute", "result": "built", "seconds": 20.0, "image": "localhost/cluster/slurm-compute:t",
               "imageId": "sha256:1", "digest": null, "message": null, "log": "/w/logs/slurm-compute.log",
               "changes": "+1 -0 ~1 pkgs, 2 files",
               "packages": {"summary": "+1 -0 ~1", "added": [{"name": "munge<script>", "architecture": "amd64", "before": null, "after": "0.5.15-2"}],
                            "removed": [], "upgraded": [{"name": "slurm-wlm", "architecture": "amd64", "before": "22.05.8-4", "after": "22.05.8-5"}],
                            "downgraded": []},
               "files": {"bytesBefore": 3145728, "bytesAfter": 3145800,
                         "added": [{"path": "/etc/munge/munge.key", "what": [], "sizeBefore": null, "sizeAfter": 1024}],
                         "removed": [],
                         "changed": [{"path": "/etc/slurm/slurm.conf", "what": ["content", "mode"], "sizeBefore": 900, "sizeAfter": 920}]},
               "sbom": "/w/logs/slurm-compute.cdx.json"},
              {"node": "slurm/uan", "result": "failed", "seconds": 3.0, "image": null, "imageId": null, "digest": null,
               "message": "playbook failed", "log": "/w/logs/slurm-uan.log", "changes": null, "packages": null, "files": null, "sbom": null}
             ]}
            """;

    @TempDir
    Path dir;

    Path config;
    String seed;
    String slurmEdit;

    @BeforeEach
    void history() throws Exception {
        ExampleSite.copyTo(dir);
        config = dir.resolve("layers.yaml");
        try (Git git = Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call()) {
            seed = commit(git, "seed");
            Path template = dir.resolve("roles/slurm/templates/slurm.conf.j2");
            Files.writeString(template, Files.readString(template) + "# port\n");
            slurmEdit = commit(git, "slurm template");
        }
    }

    private static String commit(Git git, String message) throws Exception {
        git.add().addFilepattern(".").call();
        return git.commit().setMessage(message).setAuthor("t", "t@example.org").setCommitter("t", "t@example.org")
                .setSign(false).call().name();
    }

    /** The page's row of a node in the nodes table. */
    private static String row(String html, String node) {
        Matcher m = Pattern.compile("<tr data-node=\"" + Pattern.quote(node) + "\"[^>]*>(.*?)</tr>").matcher(html);
        assertTrue(m.find(), "no row of " + node + " in:\n" + html);
        return m.group(1);
    }

    @Test
    void aPlansPageHasTheGraphEveryNodeAndWhyAndNothingFromElsewhere() throws IOException {
        Path page = dir.resolve("plan.html");
        CliRun run = CliRun.of("report", "--config", config.toString(), "--base", seed, "--head", slurmEdit, "-o", page.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = Files.readString(page);
        assertTrue(html.startsWith("<!DOCTYPE html>"), html);
        assertTrue(html.contains("<title>Strata report: " + dir.getFileName() + "</title>"), "named by the site's folder, not the"
                + " working directory: " + html.substring(0, 400));
        assertTrue(html.contains("Content-Security-Policy\" content=\"default-src 'none';"), "the browser fetches nothing");
        assertFalse(html.contains("<?xml"), "the SVG is inline, without its XML declaration");
        assertFalse(Pattern.compile("(src|href)=\"[a-z]+:").matcher(html).find(), "no external reference");
        assertTrue(html.contains("<g id=\"n") && html.contains("data-node=\"slurm/compute\" data-state=\"start\""), html);
        assertTrue(row(html, "slurm/compute").contains("<b>role</b>")
                && row(html, "slurm/compute").contains("roles/slurm/templates/slurm.conf.j2"), row(html, "slurm/compute"));
        assertTrue(row(html, "compute/compute").contains("reuse"), row(html, "compute/compute"));
        assertTrue(html.contains("None yet: this is a plan."), "a plan has no changes to show");
        assertTrue(html.contains("2 node(s) rebuilt (2 directly affected), 4 reused"), html);
    }

    @Test
    void aBuildsPageShowsEachBuiltNodesChangesEscaped() throws IOException {
        Path result = dir.resolve("result.json");
        Files.writeString(result, RESULT);
        CliRun run = CliRun.of("report", "--config", config.toString(), "--base", seed, "--head", slurmEdit,
                "--result", result.toString());
        assertEquals(0, run.exitCode(), run.err());
        String html = run.out();
        assertTrue(row(html, "slurm/compute").contains("<td class=\"built\">built</td><td>+1 -0 ~1 pkgs, 2 files</td>"),
                row(html, "slurm/compute"));
        assertTrue(row(html, "slurm/uan").contains("<td class=\"failed\">failed</td>"), row(html, "slurm/uan"));
        assertTrue(html.contains("<td>munge&lt;script&gt;</td><td class=\"added\">added</td><td>amd64</td><td></td><td>0.5.15-2</td>"),
                html);
        assertFalse(html.contains("munge<script>"), "names are escaped");
        assertTrue(html.contains("<td>slurm-wlm</td><td class=\"upgraded\">upgraded</td><td>amd64</td><td>22.05.8-4</td><td>22.05.8-5</td>"),
                html);
        assertTrue(html.contains("<code>/etc/slurm/slurm.conf</code></td><td class=\"changed\">changed</td><td>content, mode</td>"
                + "<td>900</td><td>920</td>"), html);
        assertTrue(html.contains("Image files: 3.0 MiB before, 3.0 MiB after."), html);
        assertTrue(html.contains("Build succeeded in 42.5 s."), html);
        String search = "data-search=\"slurm/compute\nmunge&lt;script&gt;\nslurm-wlm\n/etc/munge/munge.key\n/etc/slurm/slurm.conf\"";
        assertTrue(html.contains(search.replace("\n", "&#10;")), "the filter finds a node by what it changed");
    }

    @Test
    void aResultThatIsNotJsonIsOneLineNamingTheFileAndLine() throws IOException {
        Path result = dir.resolve("result.json");
        Files.writeString(result, "{\"nodes\": [\n  oops\n]}\n");
        CliRun run = CliRun.of("report", "--config", config.toString(), "--full", "--result", result.toString());
        assertEquals(2, run.exitCode(), run.out());
        assertTrue(run.err().startsWith("error: " + result + " line 2: not JSON"), run.err());
        assertTrue(run.err().contains("give the result.json that strata build wrote"), run.err());
        Files.writeString(result, "{\"impact\": []}\n");
        run = CliRun.of("report", "--config", config.toString(), "--full", "--result", result.toString());
        assertEquals("error: " + result + ": not a build result (it has no \"nodes\" list); give the result.json that strata build"
                + " wrote\n", run.err());
    }
}
