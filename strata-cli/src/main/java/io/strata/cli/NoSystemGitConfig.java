package io.strata.cli;

import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * JGit's system reader without git's system-wide configuration, as with
 * {@code GIT_CONFIG_NOSYSTEM}: JGit finds that file by running {@code git} twice, which costs a
 * short command more than the rest of opening a repository, and Strata only reads commits, trees
 * and blobs, which no system setting changes. The user's and the repository's configurations
 * are read as before.
 */
final class NoSystemGitConfig extends SystemReader.Delegate {

    private NoSystemGitConfig(SystemReader delegate) {
        super(delegate);
    }

    /** Makes JGit in this process skip the system configuration (once; later calls change nothing). */
    static synchronized void install() {
        SystemReader current = SystemReader.getInstance();
        if (!(current instanceof NoSystemGitConfig)) {
            SystemReader.setInstance(new NoSystemGitConfig(current));
        }
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
        return new FileBasedConfig(parent, null, fs) {
            @Override
            public void load() {
                // nothing to read
            }

            @Override
            public boolean isOutdated() {
                return false;
            }
        };
    }
}
