package io.strata.jenkins;

import com.cloudbees.plugins.credentials.common.StandardListBoxModel;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import edu.umd.cs.findbugs.annotations.CheckForNull;
import hudson.Extension;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Jenkins-wide defaults for layered image builds (Manage Jenkins, System; Configuration as Code
 * {@code unclassified: strata:}): the registry images are named after and published to when
 * neither a step nor the layers file names one, the registry credentials and buildah's storage
 * driver of {@code buildLayer}, and the label of build agents; all handed to Pipelines as
 * {@code STRATA_*} environment variables too.
 */
@Extension
@Symbol("strata")
public final class StrataGlobalConfiguration extends GlobalConfiguration {

    /** buildah storage drivers a rootless agent can use. */
    static final String[] STORAGE_DRIVERS = {"auto", "overlay", "vfs"};

    private String registry;
    private String credentialsId;
    private String agentLabel;
    private String storageDriver;

    /** Loads the saved configuration. */
    public StrataGlobalConfiguration() {
        load();
    }

    /** The configuration. */
    public static StrataGlobalConfiguration get() {
        return GlobalConfiguration.all().getInstance(StrataGlobalConfiguration.class);
    }

    /** The default registry ({@code host[:port][/path]}), or null. */
    public @CheckForNull String getRegistry() {
        return registry;
    }

    /** Sets the default registry. */
    @DataBoundSetter
    public void setRegistry(@CheckForNull String registry) {
        this.registry = Util.fixEmptyAndTrim(registry);
        save();
    }

    /** The id of the registry's username/password credentials, or null. */
    public @CheckForNull String getCredentialsId() {
        return credentialsId;
    }

    /** Sets the registry credentials' id. */
    @DataBoundSetter
    public void setCredentialsId(@CheckForNull String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    /** The label of agents that can build layers (rootless buildah, Ansible), or null. */
    public @CheckForNull String getAgentLabel() {
        return agentLabel;
    }

    /** Sets the build agents' label. */
    @DataBoundSetter
    public void setAgentLabel(@CheckForNull String agentLabel) {
        this.agentLabel = Util.fixEmptyAndTrim(agentLabel);
        save();
    }

    /** buildah's storage driver on the agents ({@code auto}, {@code overlay} or {@code vfs}), or null. */
    public @CheckForNull String getStorageDriver() {
        return storageDriver;
    }

    /** Sets buildah's storage driver. */
    @DataBoundSetter
    public void setStorageDriver(@CheckForNull String storageDriver) {
        this.storageDriver = Util.fixEmptyAndTrim(storageDriver);
        save();
    }

    /** Checks that the registry is a name, not a URL. */
    public FormValidation doCheckRegistry(@QueryParameter String value) {
        String registry = Util.fixEmptyAndTrim(value);
        if (registry == null) {
            return FormValidation.ok(Messages.StrataGlobalConfiguration_NoRegistry());
        }
        if (registry.contains("://")) {
            return FormValidation.error(Messages.StrataGlobalConfiguration_RegistryIsUrl(registry));
        }
        return registry.chars().anyMatch(Character::isWhitespace)
                ? FormValidation.error(Messages.StrataGlobalConfiguration_RegistryHasSpace()) : FormValidation.ok();
    }

    /** The storage drivers. */
    public ListBoxModel doFillStorageDriverItems() {
        return storageDrivers();
    }

    /** The storage drivers a form offers, the default first. */
    static ListBoxModel storageDrivers() {
        ListBoxModel items = new ListBoxModel();
        items.add(Messages.StrataGlobalConfiguration_DriverDefault(), "");
        for (String driver : STORAGE_DRIVERS) {
            items.add(driver);
        }
        return items;
    }

    /** The username/password credentials an administrator can choose. */
    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId) {
        StandardListBoxModel result = new StandardListBoxModel();
        if (!Jenkins.get().hasPermission(Jenkins.ADMINISTER)) {
            return result.includeCurrentValue(credentialsId);
        }
        return result.includeEmptyValue()
                .include(Jenkins.get(), StandardUsernamePasswordCredentials.class)
                .includeCurrentValue(credentialsId);
    }
}
