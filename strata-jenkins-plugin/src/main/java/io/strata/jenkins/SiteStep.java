package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.FilePath;
import hudson.Launcher;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.util.FormValidation;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import net.sf.json.JSONObject;
import org.jenkinsci.plugins.structs.describable.CustomDescribableModel;
import org.jenkinsci.plugins.workflow.steps.Step;
import org.jenkinsci.plugins.workflow.steps.StepDescriptor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;

/**
 * A step that reads a site checked out in its current directory: the layers file, the checkouts
 * of the site's other repositories, and the registry and tag of its images.
 */
public abstract class SiteStep extends Step {

    /** The layers file used when none is given. */
    public static final String DEFAULT_CONFIG = "layers.yaml";

    private String config = DEFAULT_CONFIG;
    private String registry;
    private String tag;
    private List<String> repoDirs;

    /** The layers file, relative to the current directory. */
    public String getConfig() {
        return config;
    }

    /** Sets the layers file; blank means {@value #DEFAULT_CONFIG}. */
    @DataBoundSetter
    public void setConfig(@CheckForNull String config) {
        this.config = Objects.requireNonNullElse(Util.fixEmptyAndTrim(config), DEFAULT_CONFIG);
    }

    /** The registry, or null. */
    public @CheckForNull String getRegistry() {
        return registry;
    }

    /** Sets the images' registry, above the layers file's {@code settings.registry} and the global default. */
    @DataBoundSetter
    public void setRegistry(@CheckForNull String registry) {
        this.registry = Util.fixEmptyAndTrim(registry);
    }

    /** The tag of the images built, or null. */
    public @CheckForNull String getTag() {
        return tag;
    }

    /** Sets the tag of the images built (default: the analysed or checked-out commit's first 12 characters). */
    @DataBoundSetter
    public void setTag(@CheckForNull String tag) {
        this.tag = Util.fixEmptyAndTrim(tag);
    }

    /** Checkouts of named repositories as {@code NAME=PATH}, or null. */
    public @CheckForNull List<String> getRepoDirs() {
        return repoDirs;
    }

    /** Sets the checkouts of named repositories, {@code NAME=PATH} relative to the current directory. */
    @DataBoundSetter
    public void setRepoDirs(@CheckForNull List<String> repoDirs) {
        this.repoDirs = StepArguments.orNull(repoDirs);
    }

    /** The first problem with the layers file or the repository folders, or null. */
    @CheckForNull String siteProblem() {
        String problem = StepArguments.checkConfig(config);
        if (problem == null) {
            problem = StepArguments.checkEach(repoDirs, StepArguments::checkRepoDir);
        }
        return problem != null ? problem : StepArguments.checkRepoDirNames(repoDirs);
    }

    /** What the site steps' descriptors share: their context, list arguments and checks. */
    public abstract static class SiteStepDescriptor extends StepDescriptor implements CustomDescribableModel {

        /** The step's list arguments: text areas in the form, lists (or a single string) in Pipeline. */
        protected abstract List<String> listFields();

        @Override
        public Set<? extends Class<?>> getRequiredContext() {
            return Set.of(Run.class, TaskListener.class, FilePath.class, Launcher.class, EnvVars.class);
        }

        /** Reads the list fields' text areas one entry a line. */
        @Override
        public Step newInstance(StaplerRequest2 req, @NonNull JSONObject formData) throws FormException {
            return super.newInstance(req, StepArguments.formLists(formData, listFields()));
        }

        /**
         * Accepts {@code repoDirs} as a map ({@code [name: 'path']}) as well as a list of
         * {@code NAME=PATH}, and a single string for any list argument.
         */
        @NonNull
        @Override
        public Map<String, Object> customInstantiate(@NonNull Map<String, Object> arguments) {
            return StepArguments.pipelineLists(arguments, listFields());
        }

        /** One line a list entry, for the form's text areas. */
        public String lines(@CheckForNull List<String> values) {
            return StepArguments.joinLines(values);
        }

        /** Checks the layers file path. */
        public FormValidation doCheckConfig(@QueryParameter String value) {
            return StepArguments.validation(StepArguments.checkConfig(value));
        }

        /** Checks the repository folders, one {@code NAME=PATH} a line. */
        public FormValidation doCheckRepoDirs(@QueryParameter String value) {
            List<String> entries = StepArguments.lines(value);
            String problem = StepArguments.checkEach(entries, StepArguments::checkRepoDir);
            return StepArguments.validation(problem != null ? problem : StepArguments.checkRepoDirNames(entries));
        }
    }
}
