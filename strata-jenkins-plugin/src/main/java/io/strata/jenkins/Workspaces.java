package io.strata.jenkins;

import hudson.FilePath;
import hudson.slaves.WorkspaceList;
import io.strata.engine.service.SiteCheckout;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The folders the steps use in a workspace: the site's checkout and a scratch folder beside the workspace. */
final class Workspaces {

    private Workspaces() {
    }

    /**
     * The site checked out in a folder on this machine.
     *
     * @param dir the folder the step runs in
     * @param config the layers file, relative to it
     * @param repoDirs repository name to checkout folder, relative to it
     */
    static SiteCheckout checkout(File dir, String config, Map<String, String> repoDirs) {
        Path cwd = dir.toPath().toAbsolutePath();
        Path configPath = cwd.resolve(config).normalize();
        Map<String, Path> repos = new LinkedHashMap<>();
        repoDirs.forEach((name, path) -> repos.put(name, cwd.resolve(path).normalize()));
        return new SiteCheckout(configPath.getParent(), configPath.getFileName().toString(), repos);
    }

    /**
     * A new scratch folder in the workspace's {@code @tmp} sibling (never served as part of the
     * workspace, never inside the checkout); the caller deletes it.
     */
    static FilePath scratch(FilePath cwd, String prefix) throws IOException, InterruptedException {
        FilePath tmp = WorkspaceList.tempDir(cwd);
        FilePath parent = tmp != null ? tmp : cwd;
        parent.mkdirs();
        return parent.createTempDir(prefix, "tmp");
    }
}
