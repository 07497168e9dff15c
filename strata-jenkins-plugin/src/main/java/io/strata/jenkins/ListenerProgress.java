package io.strata.jenkins;

import hudson.model.TaskListener;
import io.strata.engine.builder.runner.BuildProgress;
import io.strata.engine.builder.runner.NodeJob;
import io.strata.engine.builder.runner.NodeOutcome;
import io.strata.engine.graph.NodeId;
import java.nio.file.Path;
import java.util.List;

/** Follows a node's build into the Jenkins build log (lines arrive already masked). */
final class ListenerProgress implements BuildProgress {

    private final TaskListener listener;

    ListenerProgress(TaskListener listener) {
        this.listener = listener;
    }

    @Override
    public void note(String line) {
        listener.getLogger().println(line);
    }

    @Override
    public void planned(List<NodeJob> jobs) {
        jobs.forEach(job -> listener.getLogger().println(Messages.ListenerProgress_Planned(job.node(), job.from(), job.image(), job.tag())));
    }

    @Override
    public void started(NodeId node, Path log) {
        listener.getLogger().println(Messages.ListenerProgress_Started(node));
    }

    @Override
    public void output(NodeId node, String line) {
        listener.getLogger().println(line);
    }

    @Override
    public void finished(NodeOutcome outcome) {
        listener.getLogger().println(Messages.ListenerProgress_Finished(outcome.node(), outcome.status().label(),
                outcome.duration().toSeconds(), outcome.image() == null ? outcome.message() : outcome.image().reference()));
    }

    @Override
    public void done(List<NodeOutcome> outcomes) {
        listener.getLogger().flush();
    }
}
