package io.strata.cli;

import io.strata.engine.graph.NodeId;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.PlanJson;
import io.strata.engine.plan.PlannedNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata plan}: the impact plus what a build needs (levels, images, parents). */
@Command(name = PlanCommand.NAME, mixinStandardHelpOptions = true,
        description = "Plan the build of a change: build levels, image names and tags, the image each node is built FROM.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:planned", "2:a usage or configuration error, an unknown revision, a tag or registry no image can have"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata plan --config site/layers.yaml --base origin/main --head HEAD --merge-base --format json",
            "  strata plan --config site/layers.yaml --full --registry registry.example.org:5000 --tag v1"})
final class PlanCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "plan";

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Option(names = "--format", defaultValue = "text", description = "text or json (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Mixin
    PlanOptions planning;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        BuildPlan plan = planning.plan(site, change);
        PrintWriter out = spec.commandLine().getOut();
        out.print(format == OutputFormat.json ? PlanJson.write(plan) : text(plan));
        out.flush();
        return 0;
    }

    static String text(BuildPlan plan) {
        StringBuilder out = new StringBuilder();
        if (plan.build().isEmpty()) {
            return "Nothing to build: every node is reused.\n";
        }
        out.append(plan.fullBuild() ? "Full build" : "Partial build").append(" of ").append(plan.build().size())
                .append(" node(s), tag ").append(plan.tag()).append('\n');
        for (int level = 0; level < plan.levels().size(); level++) {
            List<NodeId> nodes = plan.levels().get(level);
            out.append("Level ").append(level).append(": ")
                    .append(nodes.stream().map(NodeId::toString).collect(Collectors.joining(", "))).append('\n');
            for (NodeId id : nodes) {
                PlannedNode node = plan.node(id).orElseThrow();
                out.append("  ").append(id).append("  ").append(node.reference()).append("  FROM ").append(node.from())
                        .append(node.parent() != null && !node.parentRebuilt() ? " (published)" : "").append('\n');
            }
        }
        if (!plan.reused().isEmpty()) {
            out.append("Reused:\n");
            plan.reused().forEach((id, image) -> out.append("  ").append(id).append("  ").append(image).append('\n'));
        }
        return out.toString();
    }
}
