package io.strata.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** {@code strata build}'s checks of how it is called, before anything runs. */
class BuildCommandTest {

    private static final String CONFIG = Path.of("..", "examples", "cluster", "layers.yaml").toString();

    @Test
    void aLayerNodeNeedsTheImageItIsBuiltFrom() {
        CliRun run = CliRun.of("build", "--config", CONFIG, "--node", "slurm/compute", "--tag", "t1");
        assertEquals(StrataCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("slurm/compute needs the image to build FROM")
                && run.err().contains("the image of its parent compute/compute"), run.err());
    }

    @Test
    void aRootIsBuiltFromScratchOnly() {
        CliRun run = CliRun.of("build", "--config", CONFIG, "--node", "my-fav-os/base", "--from", "localhost/ca/x:1");
        assertEquals(StrataCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("my-fav-os/base is a root, built from scratch"), run.err());
    }

    @Test
    void unknownNodesTagsAndMisplacedOptionsAreUsageErrors() {
        assertTrue(CliRun.of("build", "--config", CONFIG, "--node", "nope/base", "--from", "x").err()
                .contains("no node nope/base in layers.yaml"));
        assertTrue(CliRun.of("build", "--config", CONFIG, "--from", "localhost/ca/x:1").err()
                .contains("--from and --image go with --node"));
        assertTrue(CliRun.of("build", "--config", CONFIG, "--node", "hsn/base", "--from", "localhost/ca/x:1", "--tag", "-bad").err()
                .contains("'-bad' is not an image tag"));
        assertTrue(CliRun.of("build", "--config", CONFIG, "--node", "hsn/base", "--from", "x", "--full").err()
                .contains("--node builds one node; it takes no change options"));
        assertEquals(StrataCommand.EXIT_USAGE, CliRun.of("build", "--config", CONFIG, "--connection", "ssh").exitCode());
        assertEquals(StrataCommand.EXIT_USAGE, CliRun.of("build", "--config", CONFIG, "--storage-driver", "btrfs").exitCode());
    }

    @Test
    void aWrongSquashfsCompressionIsAUsageError() {
        CliRun run = CliRun.of("build", "--config", CONFIG, "--squashfs", "out", "--squashfs-compression", "zstd:99");
        assertEquals(StrataCommand.EXIT_USAGE, run.exitCode());
        assertTrue(run.err().contains("zstd levels go from 1 to 22"), run.err());
    }
}
