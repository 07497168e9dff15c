package io.strata.cli;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.Problem;
import io.strata.engine.service.SiteValidation;
import io.strata.engine.site.SiteSnapshot;
import java.util.List;
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
        LayersConfig config = site.readConfig();
        SiteSnapshot snapshot = SiteSnapshot.load(site.configFile(), site.currentTrees(config));
        List<Problem> problems = SiteValidation.problems(snapshot, site.siteDir());
        if (!problems.isEmpty()) {
            throw new ConfigException(problems);
        }
        spec.commandLine().getOut().printf("%s: %d layers, %d nodes, valid%n", site.config,
                config.layers().size(), snapshot.graph().topologicalOrder().size());
        return 0;
    }
}
