package io.strata.cli;

import io.strata.engine.render.DotRenderer;
import io.strata.engine.render.GraphPicture;
import io.strata.engine.render.MermaidRenderer;
import io.strata.engine.render.SvgRenderer;
import io.strata.engine.service.ImageOptions;
import io.strata.engine.service.PlanService;
import io.strata.engine.service.SiteAnalysis;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata graph}: the layer graph as DOT, Mermaid or SVG, optionally with a change's impact. */
@Command(name = GraphCommand.NAME, mixinStandardHelpOptions = true,
        description = "Draw the node graph (dot, mermaid or self-contained svg); with a change, rebuilt nodes are filled boxes and reused ones dotted ovals.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:drawn", "2:a usage or configuration error, an output that cannot be written"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata graph --config site/layers.yaml --format svg -o layers.svg",
            "  strata graph --config site/layers.yaml --base origin/main --head HEAD --format mermaid"})
final class GraphCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "graph";

    /** Picture formats. */
    enum Format { dot, mermaid, svg }

    @Mixin
    SiteOptions site;

    @Mixin
    ChangeOptions change;

    @Option(names = "--format", defaultValue = "dot", description = "dot, mermaid or svg (default: ${DEFAULT-VALUE}).")
    Format format;

    @Mixin
    OutputFile output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        GraphPicture picture;
        if (change.given()) {
            SiteAnalysis analysis = PlanService.analyze(change.request(site, ImageOptions.defaults()), false);
            picture = new GraphPicture(analysis.head().graph(), analysis.impact());
        } else {
            picture = new GraphPicture(site.readGraph(), null);
        }
        String text = switch (format) {
            case dot -> DotRenderer.render(picture);
            case mermaid -> MermaidRenderer.render(picture);
            case svg -> SvgRenderer.render(picture);
        };
        output.write(spec, text);
        return 0;
    }
}
