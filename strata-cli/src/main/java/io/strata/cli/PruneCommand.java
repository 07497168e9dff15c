package io.strata.cli;

import io.strata.engine.builder.prune.ImagePruner;
import io.strata.engine.service.PruneService;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code strata prune}: old images of the site's nodes leave the local buildah store. */
@Command(name = PruneCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Remove old images of the site's nodes from your local buildah store.",
            "Per node the newest --keep images stay, and every image a published tag names; untagged images Strata built go."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:pruned (or, with --dry-run, listed)", "1:buildah refused to remove an image (a container uses it)",
            "2:a usage or configuration error"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata prune --config site/layers.yaml --dry-run", "  strata prune --config site/layers.yaml --keep 1"})
final class PruneCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "prune";

    @Mixin
    SiteOptions site;

    @Option(names = "--keep", paramLabel = "N", defaultValue = "3", description = "Images of each node that stay (default: ${DEFAULT-VALUE}).")
    int keep;

    @Option(names = "--published-tag", paramLabel = "TAG",
            description = "A tag whose images always stay (repeatable; settings.published_tag and latest always count).")
    List<String> publishedTags = new ArrayList<>();

    @Option(names = "--dry-run", description = "Only list what would be removed.")
    boolean dryRun;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        if (keep < 0) {
            throw new UserError("--keep " + keep + ": give 0 or more");
        }
        ImagePruner.Outcome outcome = PruneService.prune(site.checkout(), keep, publishedTags, dryRun);
        PrintWriter out = spec.commandLine().getOut();
        outcome.kept().forEach((repository, images) -> out.printf("kept %d of %s%n", images.size(), repository));
        for (ImagePruner.StoredImage image : outcome.removed()) {
            out.printf("%s %s %s%n", dryRun ? "would remove" : "removed", image.id(), image.names().isEmpty() ? "(untagged)"
                    : String.join(" ", image.names()));
        }
        outcome.refused().forEach((image, why) -> spec.commandLine().getErr().printf("not removed: %s %s: %s%n", image.id(),
                String.join(" ", image.names()), why));
        out.printf("%d image(s) %s%n", outcome.removed().size(), dryRun ? "would be removed" : "removed");
        out.flush();
        return outcome.refused().isEmpty() ? 0 : 1;
    }
}
