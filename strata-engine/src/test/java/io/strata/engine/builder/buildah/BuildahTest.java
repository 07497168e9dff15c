package io.strata.engine.builder.buildah;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.process.Command;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildahTest {

    private final BuildahOptions options = new BuildahOptions("overlay", "chroot", Set.of("127.0.0.1:5000"),
            Path.of("/run/strata/auth.json"));
    private final Buildah buildah = new Buildah(options);

    @Test
    void fromScratchTakesNoPullOrRegistryOptions() {
        Command from = buildah.from("strata-base-1", "scratch", PullPolicy.NEVER);
        assertEquals(List.of("buildah", "from", "-q", "--name", "strata-base-1", "scratch"), from.argv());
        assertEquals(Map.of("BUILDAH_ISOLATION", "chroot", "STORAGE_DRIVER", "overlay"), from.env());
    }

    @Test
    void fromAnInsecureRegistryPullsAlwaysWithTheAuthFileAndNoTlsVerification() {
        assertEquals(List.of("buildah", "from", "-q", "--name", "c1", "--pull=always", "--authfile", "/run/strata/auth.json",
                "--tls-verify=false", "127.0.0.1:5000/ca/hsn-base:latest"),
                buildah.from("c1", "127.0.0.1:5000/ca/hsn-base:latest", PullPolicy.ALWAYS).argv());
    }

    @Test
    void tlsIsVerifiedForEveryRegistryNotListedAsInsecure() {
        List<String> argv = buildah.from("c1", "registry.example.org/ca/hsn-base:t1", PullPolicy.MISSING).argv();
        assertTrue(argv.contains("--pull=false"));
        assertFalse(argv.contains("--tls-verify=false"), argv.toString());
        List<String> push = buildah.push("abc", "registry.example.org/ca/x:t1", Path.of("/w/d")).argv();
        assertFalse(push.contains("--tls-verify=false"));
    }

    @Test
    void pushWritesTheRegistryDigestToAFileAndNeverCarriesCredentials() {
        assertEquals(List.of("buildah", "push", "-q", "--authfile", "/run/strata/auth.json", "--tls-verify=false",
                "--digestfile", "/w/digest", "0123abcd", "docker://127.0.0.1:5000/ca/compute-compute:in-1"),
                buildah.push("0123abcd", "127.0.0.1:5000/ca/compute-compute:in-1", Path.of("/w/digest")).argv());
    }

    @Test
    void labelsCommitTagAndRemove() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("io.strata.node", "slurm/compute");
        labels.put("io.strata.tools", "strata 0.1.0; buildah 1.28.2");
        assertEquals(List.of("buildah", "config", "--label", "io.strata.node=slurm/compute", "--label",
                "io.strata.tools=strata 0.1.0; buildah 1.28.2", "c1"), buildah.label("c1", labels).argv());
        assertEquals(List.of("buildah", "commit", "-q", "--rm", "c1"), buildah.commit("c1").argv());
        assertEquals(List.of("buildah", "tag", "abc", "localhost/ca/x:in-1", "localhost/ca/x:t1"),
                buildah.tag("abc", List.of("localhost/ca/x:in-1", "localhost/ca/x:t1")).argv());
        assertEquals(List.of("buildah", "rm", "c1"), buildah.rm("c1").argv());
        assertEquals(List.of("buildah", "rmi", "abc"), buildah.rmi("abc").argv());
    }

    @Test
    void mountedWorkRunsTheConstantScriptWithEveryValueAsAnArgument() {
        Command run = buildah.mountedRun("c1", Path.of("/w/rootfs"), true, List.of("ansible-playbook", "-i", "inv; rm -rf /", "pb.yml"));
        assertEquals(List.of("buildah", "unshare", "--", "sh", "-c", Buildah.MOUNTED_RUN, "sh", "c1", "/w/rootfs", "1",
                "ansible-playbook", "-i", "inv; rm -rf /", "pb.yml"), run.argv());
        assertFalse(Buildah.MOUNTED_RUN.contains("inv;"), "no data in the script text");
        assertTrue(Buildah.MOUNTED_RUN.contains("umount -l \"$root\""), "one lazy unmount of the top bind");
        assertTrue(Buildah.MOUNTED_RUN.contains("</dev/null"), "stdin closed for ansible-playbook");
        assertEquals("0", buildah.mountedRun("c1", Path.of("/w/rootfs"), false, List.of("true")).argv().get(9));
    }

    @Test
    void asRootMountedWorkRunsDirectlyWithTheSameStore() {
        Buildah root = new Buildah(new BuildahOptions("vfs", "chroot", Set.of(), null)).asRoot();
        Command run = root.mountedRun("c1", Path.of("/w/rootfs"), true, List.of("true"));
        assertEquals(List.of("sh", "-c", Buildah.MOUNTED_RUN, "sh", "c1", "/w/rootfs", "1", "true"), run.argv());
        assertEquals("vfs", run.env().get("STORAGE_DRIVER"), "the script's buildah mount reaches the same store");
        assertEquals(List.of("ansible-playbook", "pb.yml"), root.unshare(List.of("ansible-playbook", "pb.yml")).argv());
    }

    @Test
    void theDefaultsUseTheStoresDriverAndChrootIsolation() {
        Command info = new Buildah(BuildahOptions.defaults()).storeInfo();
        assertEquals(Map.of("BUILDAH_ISOLATION", "chroot"), info.env());
        assertTrue(BuildahOptions.defaults().verifiesTls("127.0.0.1:5000/x/y:z"));
    }

    @Test
    void referencesAreReadLikeContainerToolsReadThem() {
        assertEquals("127.0.0.1:5000", ImageReference.registryOf("127.0.0.1:5000/ca/x:t"));
        assertEquals("localhost", ImageReference.registryOf("localhost/ca/x:t"));
        assertEquals("docker.io", ImageReference.registryOf("debian:bookworm"));
        assertEquals("docker.io", ImageReference.registryOf("library/debian"));
        assertTrue(ImageReference.isLocal("localhost/ca/x:t"));
        assertEquals("127.0.0.1:5000/ca/x", ImageReference.repository("127.0.0.1:5000/ca/x:t1"));
        assertEquals("t1", ImageReference.tag("127.0.0.1:5000/ca/x:t1"));
        assertEquals(null, ImageReference.tag("127.0.0.1:5000/ca/x"));
    }
}
