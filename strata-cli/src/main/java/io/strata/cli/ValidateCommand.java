package io.strata.cli;

import io.strata.engine.service.SiteValidation;
import io.strata.engine.site.SiteSnapshot;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code strata validate}: every problem of the layers file and the files it names, at once. */
@Command(name = ValidateCommand.NAME, mixinStandardHelpOptions = true,
        description = "Check the layers file, the graph rules and the files it names; report every problem (exit 2).",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the site is valid", "2:a problem was found (each with file:line:column and a fix)"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata validate --config site/layers.yaml", "  strata validate --config site/layers.yaml --repo-dir slurm-config=../slurm-config"})
final class ValidateCommand implements Callable<Integer> {

    /** The subcommand's name. */
    static final String NAME = "validate";

    @Mixin
    SiteOptions site;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        SiteSnapshot snapshot = SiteValidation.validated(site.checkout());
        spec.commandLine().getOut().printf("%s: %d layers, %d nodes, valid%n", site.config,
                snapshot.config().layers().size(), snapshot.graph().topologicalOrder().size());
        return 0;
    }
}
