package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.model.EnvironmentContributor;
import hudson.model.Run;
import hudson.model.TaskListener;

/**
 * Hands the global Strata settings to every build as environment variables, so that a Pipeline
 * (the reference {@code Jenkinsfile}, the {@code strataLayers} library step) reads them as
 * {@code env.STRATA_AGENT_LABEL} and so on. Only settings that are set are added; none is secret
 * (the credentials are named by id).
 */
@Extension
public final class StrataEnvironment extends EnvironmentContributor {

    /** The default registry. */
    static final String REGISTRY = "STRATA_REGISTRY";

    /** The registry credentials' id. */
    static final String CREDENTIALS_ID = "STRATA_CREDENTIALS_ID";

    /** The label of the agents that build layers. */
    static final String AGENT_LABEL = "STRATA_AGENT_LABEL";

    /** buildah's storage driver. */
    static final String STORAGE_DRIVER = "STRATA_STORAGE_DRIVER";

    @Override
    @SuppressWarnings("rawtypes") // the extension point's signature
    public void buildEnvironmentFor(@NonNull Run r, @NonNull EnvVars envs, @NonNull TaskListener listener) {
        StrataGlobalConfiguration config = StrataGlobalConfiguration.get();
        put(envs, REGISTRY, config.getRegistry());
        put(envs, CREDENTIALS_ID, config.getCredentialsId());
        put(envs, AGENT_LABEL, config.getAgentLabel());
        put(envs, STORAGE_DRIVER, config.getStorageDriver());
    }

    private static void put(EnvVars envs, String name, String value) {
        if (value != null) {
            envs.put(name, value);
        }
    }
}
