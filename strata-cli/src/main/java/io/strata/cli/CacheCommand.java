package io.strata.cli;

import io.strata.engine.cache.CacheFolder;
import java.io.PrintWriter;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Spec;

/** {@code strata cache}: what the persistent analysis cache holds, and emptying it. */
@Command(name = CacheCommand.NAME, mixinStandardHelpOptions = true,
        description = {"Show or empty the analysis cache: what impact, plan, graph, gitlab-ci and build derived from each file,"
            + " kept by content so that the next run parses only files it has not seen."},
        subcommands = {CacheCommand.Info.class, CacheCommand.Clear.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown or emptied", "2:a usage error (an unknown subcommand or option, a bad $STRATA_CACHE_MAX_MB)"},
        footerHeading = "%nExamples:%n",
        footer = {"  strata cache info", "  strata cache clear --cache-dir /var/cache/strata"})
final class CacheCommand implements Runnable {

    /** The subcommand's name. */
    static final String NAME = "cache";

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** {@code strata cache info}. */
    @Command(name = "info", mixinStandardHelpOptions = true, description = "Show the cache's folder, size, cap and entries.")
    static final class Info implements Runnable {

        @Mixin
        CacheOptions cache;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            CacheFolder.Info info = cache.folder().info();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("folder:   %s%n", info.dir());
            out.printf("entries:  %d in %d file(s)%n", info.entries(), info.segments());
            out.printf("size:     %s of %s%n", mebibytes(info.bytes()), mebibytes(info.maxBytes()));
            out.printf("analyser: %s%n", info.version());
            if (info.unusable() > 0) {
                out.printf("unusable: %d file(s) of another Strata build or damaged; the next analysis removes them%n",
                        info.unusable());
            }
            out.flush();
        }
    }

    /** {@code strata cache clear}. */
    @Command(name = "clear", mixinStandardHelpOptions = true, description = "Remove every entry of the cache.")
    static final class Clear implements Runnable {

        @Mixin
        CacheOptions cache;

        @Spec
        picocli.CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            CacheFolder folder = cache.folder();
            long freed = folder.clear();
            PrintWriter out = spec.commandLine().getOut();
            out.printf("cleared %s: %s freed%n", folder.dir(), mebibytes(freed));
            out.flush();
        }
    }

    private static String mebibytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
    }
}
