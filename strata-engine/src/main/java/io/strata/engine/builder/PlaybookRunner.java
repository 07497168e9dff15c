package io.strata.engine.builder;

import io.strata.engine.builder.ansible.BuildInventory;
import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.builder.ansible.PlaybookCommand;
import io.strata.engine.builder.audit.AuditReport;
import io.strata.engine.builder.audit.InputAudit;
import io.strata.engine.builder.audit.ReadTrace;
import io.strata.engine.builder.buildah.Buildah;
import io.strata.engine.builder.digest.InputDigest;
import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.Command;
import io.strata.engine.builder.process.CommandResult;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.graph.LayerNode;
import io.strata.engine.site.SiteSnapshot;
import io.strata.engine.source.SourceTree;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a playbook against a working container: in the node's repository as built, with the site's
 * inventory and a per-build inventory that makes the container a member of the node's groups;
 * when asked, under the read tracer, then audits what Ansible read against the node's analysed
 * inputs.
 */
final class PlaybookRunner {

    private final SiteSnapshot site;
    private final BuildOptions options;
    private final Buildah buildah;

    PlaybookRunner(SiteSnapshot site, BuildOptions options, Buildah buildah) {
        this.site = site;
        this.options = options;
        this.buildah = buildah;
    }

    /**
     * Runs the playbook.
     *
     * @param audited the node's input digest to audit the run against, or null for no audit
     * @throws BuildFailure when the audit finds a read no analysed input explains
     */
    CommandResult run(NodeAttempt attempt, String container, String playbook, Connection connection, InputDigest audited) {
        LayerNode node = attempt.node;
        SourceTree tree = site.repoTree(node.id());
        Path repoDir = SourceDirs.of(tree, attempt.work.resolve("src"));
        Path inventoryTree = inventoryTree(attempt);
        List<Path> inventoryDirs = inventoryTree == null ? List.of()
                : site.inventoryDirs().stream().map(dir -> dir.isEmpty() ? inventoryTree : inventoryTree.resolve(dir)).toList();
        Path inventory = attempt.work.resolve(BuildInventory.FILE);
        String address = connection == Connection.CHROOT ? attempt.rootfs().toString() : container;
        Path trace = attempt.work.resolve("trace");
        try {
            Files.writeString(inventory, BuildInventory.yaml(node.groups(), connection, address));
            if (audited != null) {
                Files.createDirectories(trace);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        PlaybookCommand play = new PlaybookCommand(playbook, inventoryDirs, inventory, connection, attempt.work.resolve("tmp"),
                options.settings().pythonInterpreter());
        List<String> argv = audited == null ? play.argv() : ReadTrace.command(trace, play.argv());
        Command command = connection == Connection.CHROOT
                ? buildah.mountedRun(container, attempt.rootfs(), true, argv)
                : buildah.unshare(argv);
        CommandResult result = attempt.run(command.withEnv(play.env()).in(repoDir));
        if (audited != null && result.ok()) {
            audit(attempt, new InputAudit(repoDir, audited.files(), inventoryTree, site.inventory().parsedFiles(),
                    List.of(attempt.work.resolve("tmp"), inventory, attempt.rootfs(), trace)), trace, repoDir);
        }
        return result;
    }

    /** The first failed task's message in ansible-playbook's output, else its last error line. */
    static String failedTask(CommandResult result) {
        String task = null;
        for (String line : result.stdout().split("\n")) {
            if (line.startsWith("TASK [")) {
                task = line.replaceAll("\\s*\\*+$", "");
            } else if ((line.startsWith("fatal:") || line.startsWith("failed:")) && task != null) {
                String message = line.length() > 300 ? line.substring(0, 300) + "..." : line;
                return task + " " + message;
            }
        }
        return result.errorSummary();
    }

    /** The folder of the tree the site's inventory is read from, written out for the run; null without an inventory. */
    private Path inventoryTree(NodeAttempt attempt) {
        if (site.config().inventory() == null || site.config().inventory().paths().isEmpty()) {
            return null;
        }
        if (site.inventoryRepo() != null) {
            return SourceDirs.of(site.trees().repos().get(site.inventoryRepo()), attempt.work.resolve("inventory"));
        }
        return SourceDirs.of(site.trees().main(), attempt.work.resolve("main"));
    }

    /** Records what the traced run read; a read no analysed input explains fails the node before anything is published. */
    private void audit(NodeAttempt attempt, InputAudit audit, Path trace, Path repoDir) {
        AuditReport report;
        try {
            report = audit.check(ReadTrace.filesRead(trace, repoDir));
            Files.writeString(options.logDir().resolve(attempt.job.slug() + ".audit.txt"), report.text());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace of the playbook run in " + trace, e);
        }
        attempt.log.line(OutputSink.Stream.INFO, "audit: " + report.summary());
        if (!report.unexplained().isEmpty()) {
            throw new BuildFailure("audit: Ansible read files of the site that are not among the analysed inputs of "
                    + attempt.job.node() + ": " + String.join(", ", report.unexplained()),
                    "a change to them would not rebuild this node; nothing was published. Report it with "
                    + options.logDir().resolve(attempt.job.slug() + ".audit.txt"));
        }
    }
}
