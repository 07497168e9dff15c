package io.strata.cli;

import io.strata.engine.graph.NodeId;
import io.strata.engine.impact.ImpactJson;
import io.strata.engine.impact.ImpactResult;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanService;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata impact}: which nodes a change rebuilds, and why. */
@Command(name = ImpactCommand.NAME, mixinStandardHelpOptions = true,
        description = "Show the nodes a change rebuilds, by image type, with the chain of reasons.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:analysed (see the output for what is rebuilt)", "2:a usage or configuration error, an unknown revision",
            "3:nothing is to be rebuilt (only with --exit-code)"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata impact --config site/layers.yaml --base origin/main --head HEAD --merge-base",
            "  git diff --name-only A B | strata impact --config site/layers.yaml --changed-files - --format json",
            "  strata impact --config site/layers.yaml --base v1 --head v2 --explain slurm/compute"})
final class ImpactCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "impact";

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = "--explain", paramLabel = "NODE", description = "Tell why this node is or is not rebuilt.")
    String explain;

    @Option(names = "--exit-code", description = "Exit 3 when nothing is to be rebuilt.")
    boolean exitCode;

    @Option(names = "--every-reason", description = "Analyse each rebuilt node completely and list every reason"
            + " (by default a node whose roles hold a changed file lists those files only; --explain implies it).")
    boolean everyReason;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (explain != null && format == OutputFormat.json) {
            throw new UserError("--explain writes text for people; for JSON drop --explain and add --every-reason: the result's"
                    + " rebuild and reuse entries hold every node's reasons");
        }
        ImpactResult result = PlanService.analyze(change.request(site, ImageOptions.defaults()), everyReason || explain != null).impact();
        PrintWriter out = spec.commandLine().getOut();
        if (explain != null) {
            out.print(ImpactText.explain(result, NodeId.parse(explain)));
        } else if (format == OutputFormat.json) {
            result.notes().forEach(note -> spec.commandLine().getErr().println("note: " + note));
            out.print(ImpactJson.write(result));
        } else {
            out.print(ImpactText.render(result));
        }
        out.flush();
        return exitCode && result.rebuild().isEmpty() ? StrataCommand.EXIT_NOTHING : 0;
    }
}
