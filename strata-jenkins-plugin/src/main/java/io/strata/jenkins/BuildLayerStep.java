package io.strata.jenkins;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.AbortException;
import hudson.EnvVars;
import hudson.Extension;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.strata.engine.builder.credentials.AuthFile;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import jenkins.model.Jenkins;
import jenkins.util.BuildListenerAdapter;
import org.jenkinsci.Symbol;
import org.jenkinsci.plugins.workflow.steps.StepContext;
import org.jenkinsci.plugins.workflow.steps.StepExecution;
import org.jenkinsci.plugins.workflow.steps.SynchronousNonBlockingStepExecution;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * {@code buildLayer}: builds one node of a site on the agent that holds its checkout, FROM the
 * image the plan names, rootless with buildah and Ansible, and publishes it. Registry
 * credentials come from Jenkins credentials into a temporary auth file that the build deletes;
 * an abort kills the build and removes what it left. The node's log is archived as
 * {@code strata/logs/<layer>-<type>.log}, its record (result, package and file changes) as
 * {@code strata/nodes/<layer>-<type>.result.json} and the built image's SBOM as
 * {@code strata/sbom/<layer>-<type>.cdx.json}; the build's "Image changes" page
 * ({@link LayerChangesAction}) lists them.
 */
public final class BuildLayerStep extends SiteStep {

    /** Where node logs are archived among the build's artifacts. */
    static final String LOG_ARTIFACTS = "strata/logs/";

    private final String node;
    private String from;
    private String image;
    private String credentialsId;
    private String storageDriver;
    private boolean reuse;

    /** A build of one node, {@code layer/type}. */
    @DataBoundConstructor
    public BuildLayerStep(String node) {
        this.node = Util.fixEmptyAndTrim(node);
    }

    /** The node. */
    public String getNode() {
        return node;
    }

    /** The image to build FROM, or null (a root). */
    public @CheckForNull String getFrom() {
        return from;
    }

    /** Sets the image to build FROM: the plan's {@code from}. */
    @DataBoundSetter
    public void setFrom(@CheckForNull String from) {
        this.from = Util.fixEmptyAndTrim(from);
    }

    /** The image repository, or null. */
    public @CheckForNull String getImage() {
        return image;
    }

    /** Sets the image repository to publish to (default: the site's naming). */
    @DataBoundSetter
    public void setImage(@CheckForNull String image) {
        this.image = Util.fixEmptyAndTrim(image);
    }

    /** The registry credentials' id, or null. */
    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    /** Sets the registry's username/password credentials (default: the global configuration's). */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** The storage driver, or null. */
    public @CheckForNull String getStorageDriver() {
        return storageDriver;
    }

    /** Sets buildah's storage driver (default: the global configuration's, else the layers file's). */
    @DataBoundSetter
    public void setStorageDriver(@CheckForNull String storageDriver) {
        this.storageDriver = Util.fixEmptyAndTrim(storageDriver);
    }

    /** Whether an image already published with the same input digest is reused. */
    public boolean isReuse() {
        return reuse;
    }

    /** Reuses an image already published with the same input digest instead of building it again. */
    @DataBoundSetter
    public void setReuse(boolean reuse) {
        this.reuse = reuse;
    }

    /** The first problem with the arguments, or null. */
    @CheckForNull String problem() {
        String problem = node == null ? Messages.BuildLayerStep_NodeRequired() : StepArguments.checkNode(node);
        return problem != null ? problem : siteProblem();
    }

    @Override
    public StepExecution start(StepContext context) throws Exception {
        return new Execution(this, context);
    }

    /** Runs the build on the agent in a pool thread; an abort interrupts it there, and the build cleans up. */
    static final class Execution extends SynchronousNonBlockingStepExecution<Map<String, Object>> {

        private static final long serialVersionUID = 1L;

        private final transient BuildLayerStep step;

        Execution(BuildLayerStep step, StepContext context) {
            super(context);
            this.step = step;
        }

        @Override
        protected Map<String, Object> run() throws Exception {
            String problem = step.problem();
            if (problem != null) {
                throw new AbortException(Messages.BuildLayerStep_Invalid(problem));
            }
            StepContext context = getContext();
            Run<?, ?> run = context.get(Run.class);
            TaskListener listener = context.get(TaskListener.class);
            FilePath cwd = context.get(FilePath.class);
            StrataGlobalConfiguration global = StrataGlobalConfiguration.get();
            Map<String, String> env = new HashMap<>(context.get(EnvVars.class));
            String credentials = step.getCredentialsId() != null ? step.getCredentialsId() : global.getCredentialsId();
            if (credentials != null) {
                StandardUsernamePasswordCredentials login = CredentialsProvider.findCredentialById(credentials,
                        StandardUsernamePasswordCredentials.class, run);
                if (login == null) {
                    throw new AbortException(Messages.BuildLayerStep_NoCredentials(credentials));
                }
                CredentialsProvider.track(run, login);
                env.put(AuthFile.USER_VARIABLE, login.getUsername());
                env.put(AuthFile.PASSWORD_VARIABLE, login.getPassword().getPlainText());
            }
            FilePath work = Workspaces.scratch(cwd, "strata-build");
            try {
                AgentBuild build = cwd.act(new BuildOnAgent(step.getConfig(), StepArguments.repoDirs(step.getRepoDirs()),
                        step.getNode(), new BuildOnAgent.Target(step.getFrom(), step.getImage(), step.getTag(), step.getRegistry(),
                                global.getRegistry()),
                        step.getStorageDriver() != null ? step.getStorageDriver() : global.getStorageDriver(), step.isReuse(),
                        work.getRemote(), env, listener));
                Map<String, String> artifacts = new LinkedHashMap<>();
                String record = archived(artifacts, LayerChangesAction.RECORD_ARTIFACTS, build.getRecord());
                String sbom = archived(artifacts, LayerChangesAction.SBOM_ARTIFACTS, build.getSbom());
                archived(artifacts, LOG_ARTIFACTS, build.getLog());
                if (!artifacts.isEmpty()) {
                    run.pickArtifactManager().archive(work, context.get(Launcher.class), new BuildListenerAdapter(listener), artifacts);
                }
                if (record != null) {
                    LayerChangesAction.record(run, new BuiltLayer(step.getNode(), (String) build.getResult().get("status"),
                            (String) build.getResult().get("changes"), record, sbom));
                }
                if (!build.isSucceeded()) {
                    throw new AbortException(build.getFailure());
                }
                return build.getResult();
            } finally {
                work.deleteRecursive();
            }
        }
    }

    /**
     * Adds a file of the build's work folder to the artifacts to archive, under {@code folder}
     * with its own name; returns its artifact path, or null when there is no file.
     */
    private static @CheckForNull String archived(Map<String, String> artifacts, String folder, @CheckForNull String file) {
        if (file == null) {
            return null;
        }
        String artifact = folder + file.substring(file.lastIndexOf('/') + 1);
        artifacts.put(artifact, file);
        return artifact;
    }

    /** The step's name, form and checks. */
    @Extension
    @Symbol("buildLayer")
    public static final class DescriptorImpl extends SiteStepDescriptor {

        @Override
        protected List<String> listFields() {
            return List.of("repoDirs");
        }

        @Override
        public String getFunctionName() {
            return "buildLayer";
        }

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.BuildLayerStep_DisplayName();
        }

        /** Checks the node. */
        public FormValidation doCheckNode(@QueryParameter String value) {
            String node = Util.fixEmptyAndTrim(value);
            return StepArguments.validation(node == null ? Messages.BuildLayerStep_NodeRequired() : StepArguments.checkNode(node));
        }

        /** The storage drivers. */
        public ListBoxModel doFillStorageDriverItems() {
            return StrataGlobalConfiguration.storageDrivers();
        }

        /** The username/password credentials the job may use. */
        @POST
        public ListBoxModel doFillCredentialsIdItems(@AncestorInPath Item item, @QueryParameter String credentialsId) {
            StandardListBoxModel result = new StandardListBoxModel();
            if (item == null ? !Jenkins.get().hasPermission(Jenkins.ADMINISTER)
                    : !item.hasPermission(Item.EXTENDED_READ) && !item.hasPermission(CredentialsProvider.USE_ITEM)) {
                return result.includeCurrentValue(credentialsId);
            }
            return result.includeEmptyValue()
                    .include(item, StandardUsernamePasswordCredentials.class)
                    .includeCurrentValue(credentialsId);
        }
    }
}
