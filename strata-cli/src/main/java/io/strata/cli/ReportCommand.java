package io.strata.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.service.PlanService;
import io.strata.engine.service.ReportService;
import io.strata.engine.service.SiteAnalysis;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata report}: one self-contained HTML page of a change's plan and, with a build's result, of what it changed. */
@Command(name = ReportCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Write one self-contained HTML page (no network, no external files) of a change: the impact graph,"
            + " every node with why it is rebuilt or reused and, with a build's result.json, each built node's package and"
            + " file changes, with a filter by node, package or file (#filter=TEXT in the address sets it).",
            "strata build writes the same page as <work-dir>/report.html."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:a usage or configuration error, a result file that cannot be read, an output that cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata report --config site/layers.yaml --base origin/main --head HEAD --merge-base -o report.html",
            "  strata report --config site/layers.yaml --base origin/main --head HEAD --result build/result.json -o report.html"})
final class ReportCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "report";

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Mixin
    PlanOptions planning;

    @Option(names = "--result", paramLabel = "FILE",
            description = "A build's result.json (strata build writes <work-dir>/result.json) whose results and changes the page shows.")
    Path result;

    @Mixin
    OutputFile output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        JsonNode built = result == null ? null : readResult(result);
        SiteAnalysis analysis = PlanService.analyze(change.request(site, planning.images()), false);
        String html = ReportService.html(site.siteName(), analysis, PlanService.plan(analysis, planning.images()), built);
        output.write(spec, html);
        return 0;
    }

    /** A build's result file, or a one-line error naming it, the line and what to do. */
    static JsonNode readResult(Path file) throws IOException {
        JsonNode node;
        try {
            node = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new UserError(file + " line " + e.getLocation().getLineNr() + ": not JSON (" + e.getOriginalMessage()
                    + "); give the result.json that strata build wrote");
        }
        if (node == null || !node.path("nodes").isArray()) {
            throw new UserError(file + ": not a build result (it has no \"nodes\" list); give the result.json that strata build wrote");
        }
        return node;
    }
}
