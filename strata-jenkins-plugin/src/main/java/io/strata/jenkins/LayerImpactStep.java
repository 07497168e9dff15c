package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;

/**
 * {@code layerImpact}: which layers of a site a change rebuilds, and why. Runs the analysis on
 * the agent where the site is checked out and returns the build plan as plain maps and lists
 * ({@code levels}, {@code build}, {@code reused}, ...), archives {@code plan.json} and the
 * picture, and records the analysed commit so that the next branch build diffs from it.
 */
public final class LayerImpactStep extends SiteStep {

    private String base;
    private String head;
    private boolean mergeBase;
    private List<String> changedFiles;
    private String changedRepo;
    private List<String> startAt;
    private List<String> imageTypes;
    private boolean full;

    /** A step with every default: the change is chosen from the build (see {@link ChangeDefaults}). */
    @DataBoundConstructor
    public LayerImpactStep() {
    }

    /** The base revision, or null. */
    public @CheckForNull String getBase() {
        return base;
    }

    /** Sets the base revision of the change (any git revision). */
    @DataBoundSetter
    public void setBase(@CheckForNull String base) {
        this.base = Util.fixEmptyAndTrim(base);
    }

    /** The head revision, or null for HEAD. */
    public @CheckForNull String getHead() {
        return head;
    }

    /** Sets the head revision of the change; needs a base. */
    @DataBoundSetter
    public void setHead(@CheckForNull String head) {
        this.head = Util.fixEmptyAndTrim(head);
    }

    /** Whether the change is diffed from the merge base of base and head. */
    public boolean isMergeBase() {
        return mergeBase;
    }

    /** Diffs from the merge base of base and head, like {@code git diff base...head}. */
    @DataBoundSetter
    public void setMergeBase(boolean mergeBase) {
        this.mergeBase = mergeBase;
    }

    /** The changed paths, or null. */
    public @CheckForNull List<String> getChangedFiles() {
        return changedFiles;
    }

    /** Sets the changed paths, relative to the changed repository's root. */
    @DataBoundSetter
    public void setChangedFiles(@CheckForNull List<String> changedFiles) {
        this.changedFiles = StepArguments.orNull(changedFiles);
    }

    /** The repository the change is in, or null for the layers file's. */
    public @CheckForNull String getChangedRepo() {
        return changedRepo;
    }

    /** Sets the repository the change is in (a multi-repository site). */
    @DataBoundSetter
    public void setChangedRepo(@CheckForNull String changedRepo) {
        this.changedRepo = Util.fixEmptyAndTrim(changedRepo);
    }

    /** Nodes rebuilt regardless of the change, or null. */
    public @CheckForNull List<String> getStartAt() {
        return startAt;
    }

    /** Sets nodes ({@code layer/type}) to rebuild with their descendants regardless of the change. */
    @DataBoundSetter
    public void setStartAt(@CheckForNull List<String> startAt) {
        this.startAt = StepArguments.orNull(startAt);
    }

    /** The image types kept, or null for all. */
    public @CheckForNull List<String> getImageTypes() {
        return imageTypes;
    }

    /** Keeps only these image types' branches. */
    @DataBoundSetter
    public void setImageTypes(@CheckForNull List<String> imageTypes) {
        this.imageTypes = StepArguments.orNull(imageTypes);
    }

    /** Whether every node is rebuilt. */
    public boolean isFull() {
        return full;
    }

    /** Rebuilds every node. */
    @DataBoundSetter
    public void setFull(boolean full) {
        this.full = full;
    }

    /** The first problem with the arguments, or null. */
    @CheckForNull String problem() {
        String problem = siteProblem();
        if (problem == null && head != null && base == null) {
            problem = Messages.LayerImpactStep_HeadNeedsBase();
        }
        if (problem == null && base != null && changedFiles != null) {
            problem = Messages.LayerImpactStep_BaseOrFiles();
        }
        if (problem == null) {
            problem = StepArguments.checkEach(startAt, StepArguments::checkNode);
        }
        return problem;
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs the analysis on the agent in a pool thread; an abort interrupts it there. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient LayerImpactStep step;

        Execution(LayerImpactStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            String problem = step.problem();
            if (problem != null) {
                throw new AbortException(Messages.LayerImpactStep_Invalid(problem));
            }
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath cwd = context.get(FilePath.class);
            EnvVars env = context.get(EnvVars.class);
            PrintStream log = listener.getLogger();

            ChangeDefaults.Choice choice = ChangeDefaults.choose(step, env, run);
            log.println(Messages.LayerImpactStep_Analysing(step.getConfig(), choice.description()));
            FilePath out = Workspaces.scratch(cwd, "strata-plan");
            try {
                StrataGlobalConfiguration global = StrataGlobalConfiguration.get();
                AgentPlan plan = cwd.act(new PlanOnAgent(step.getConfig(), StepArguments.repoDirs(step.getRepoDirs()),
                        choice.spec(), choice.targetBranch(), list(step.getStartAt()), list(step.getImageTypes()),
                        new PlanOnAgent.ImageSettings(step.getRegistry(), global.getRegistry(), step.getTag()),
                        out.getRemote(), AgentCaches.folder(context, env), env, listener));
                plan.getNotes().forEach(note -> log.println(Messages.LayerImpactStep_Note(note)));
                run.pickArtifactManager().archive(out, context.get(Launcher.class), new BuildListenerAdapter(listener),
                        Map.of(LayerImpactAction.PLAN_ARTIFACT, PlanOnAgent.PLAN_FILE, LayerImpactAction.SVG_ARTIFACT, PlanOnAgent.SVG_FILE));
                LayerImpactAction action = new LayerImpactAction(step.getConfig(), choice.spec().repo(), choice, plan);
                run.addOrReplaceAction(action);
                log.print(summary(action));
                return plan.getPlan();
            } finally {
                out.deleteRecursive();
            }
        }

        private static List<String> list(@CheckForNull List<String> values) {
            return values == null ? List.of() : values;
        }

        /** What is rebuilt, each node with what it is built FROM and why, and how much is reused. */
        private static String summary(LayerImpactAction action) {
            if (action.getLayers().isEmpty()) {
                return Messages.LayerImpactStep_NothingToBuild(action.getReused().size()) + "\n";
            }
            StringBuilder text = new StringBuilder(Messages.LayerImpactStep_Summary(action.getLayers().size(),
                    action.getReused().size(), action.getTag())).append('\n');
            for (PlannedLayer layer : action.getLayers()) {
                text.append("  ").append(Messages.LayerImpactStep_Layer(layer.getLevel(), layer.getNode(), layer.getFrom())).append('\n');
                layer.getReasons().forEach(reason -> text.append("      - ").append(reason).append('\n'));
            }
            return text.toString();
        }
    }

    /** The step's name, form and checks. */
    @Extension
    @Symbol("layerImpact")
    public static final class DescriptorImpl extends SiteStepDescriptor {

        @Override
        protected List<String> listFields() {
            return List.of("changedFiles", "startAt", "imageTypes", "repoDirs");
        }

        @Override
        public String getFunctionName() {
            return "layerImpact";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.LayerImpactStep_DisplayName();
        }

        /** Checks that a head revision comes with a base. */
        public FormValidation doCheckHead(@QueryParameter String value, @QueryParameter String base) {
            return Util.fixEmptyAndTrim(value) != null && Util.fixEmptyAndTrim(base) == null
                    ? FormValidation.error(Messages.LayerImpactStep_HeadNeedsBase()) : FormValidation.ok();
        }

        /** Checks the start nodes, one {@code layer/type} a line. */
        public FormValidation doCheckStartAt(@QueryParameter String value) {
            return StepArguments.validation(StepArguments.checkEach(StepArguments.lines(value), StepArguments::checkNode));
        }
    }
}
