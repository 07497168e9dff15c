package io.strata.engine.builder.ansible;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How Ansible reaches the working container. */
public enum Connection {

    /**
     * {@code community.general.chroot} against the container's root, mounted inside
     * {@code buildah unshare} with {@code /dev}, {@code /proc} and {@code /sys} bound in (the
     * default: fastest, and reliable).
     */
    CHROOT("chroot", "community.general.chroot", 1),
    /**
     * {@code containers.podman.buildah}: Ansible drives {@code buildah run}/{@code copy} itself.
     * It fails intermittently with {@code MODULE FAILURE} (about 3 in 1,000 tasks), so a failed
     * run with that signature is retried on a fresh container.
     */
    BUILDAH("buildah", "containers.podman.buildah", 3);

    private final String key;
    private final String plugin;
    private final int attempts;

    Connection(String key, String plugin, int attempts) {
        this.key = key;
        this.plugin = plugin;
        this.attempts = attempts;
    }

    /** The name used in settings and on the command line. */
    public String key() {
        return key;
    }

    /** The connection plugin's fully qualified name. */
    public String plugin() {
        return plugin;
    }

    /** How many times a layer is attempted when its run fails with a transient signature. */
    public int defaultAttempts() {
        return attempts;
    }

    /** The connection named {@code chroot} or {@code buildah}. */
    public static Connection parse(String text) {
        for (Connection connection : values()) {
            if (connection.key.equals(text.toLowerCase(Locale.ROOT)) || connection.plugin.equals(text)) {
                return connection;
            }
        }
        throw new IllegalArgumentException("unknown connection '" + text + "': use "
                + Arrays.stream(values()).map(Connection::key).collect(Collectors.joining(" or ")));
    }
}
