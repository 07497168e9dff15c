package io.strata.engine.builder.credentials;

import io.strata.engine.builder.leftovers.Holdings;
import io.strata.engine.builder.process.SecretMask;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The registry auth file a build uses: a file the user names, or a temporary one (mode 0600)
 * written from {@value #USER_VARIABLE} and {@value #PASSWORD_VARIABLE} and deleted when the
 * build ends. Credentials never appear on a command line (where {@code ps} shows them) nor in a
 * log: they are registered with the build's {@link SecretMask}.
 */
public final class AuthFile implements AutoCloseable {

    /** The registry user variable. */
    public static final String USER_VARIABLE = "STRATA_REGISTRY_USER";
    /** The registry password variable. */
    public static final String PASSWORD_VARIABLE = "STRATA_REGISTRY_PASSWORD";
    /** The auth file variable of the container tools. */
    public static final String AUTH_FILE_VARIABLE = "REGISTRY_AUTH_FILE";

    private final Path path;
    private final boolean temporary;
    private final String source;

    private final Holdings holdings;

    private AuthFile(Path path, boolean temporary, String source, Holdings holdings) {
        this.path = path;
        this.temporary = temporary;
        this.source = source;
        this.holdings = holdings;
    }

    private AuthFile(Path path, boolean temporary, String source) {
        this(path, temporary, source, Holdings.NONE);
    }

    /**
     * Where temporary credentials go: {@code $XDG_RUNTIME_DIR/strata} (memory-backed, only the
     * user's, emptied at logout) when the session has one, else {@code fallback}; created 0700.
     */
    public static Path privateDir(Map<String, String> env, Path fallback) {
        String runtime = env.get("XDG_RUNTIME_DIR");
        Path dir = fallback;
        if (runtime != null && !runtime.isBlank() && Files.isDirectory(Path.of(runtime)) && Files.isWritable(Path.of(runtime))) {
            dir = Path.of(runtime, "strata");
        }
        try {
            if (!Files.isDirectory(dir)) {
                Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the private folder " + dir + " for registry credentials", e);
        }
        return dir;
    }

    /**
     * The auth file of a build: {@code explicit} when given; else a temporary file when the user
     * and password variables are set; else {@value #AUTH_FILE_VARIABLE}; else none (null path:
     * the tools' default, {@code $XDG_RUNTIME_DIR/containers/auth.json}).
     *
     * @param explicit the file named on the command line, or null
     * @param env the environment
     * @param registries the registries the credentials are for (host[:port]): where images are
     *     published and where parents are pulled from
     * @param tempDir where a temporary file goes (only the user can enter it)
     * @param mask registers the password and its encoded form
     * @throws IllegalArgumentException when only one of user and password is set, or a named file is missing
     */
    public static AuthFile resolve(Path explicit, Map<String, String> env, Collection<String> registries, Path tempDir,
            SecretMask mask) {
        return resolve(explicit, env, registries, tempDir, mask, Holdings.NONE);
    }

    /**
     * As above, telling {@code holdings} of a temporary file before its credentials are written
     * and when it is deleted, so that a killed run's file is deleted by the next run.
     */
    public static AuthFile resolve(Path explicit, Map<String, String> env, Collection<String> registries, Path tempDir,
            SecretMask mask, Holdings holdings) {
        if (explicit != null) {
            if (!Files.isRegularFile(explicit)) {
                throw new IllegalArgumentException("auth file " + explicit + " does not exist");
            }
            return new AuthFile(explicit, false, "the auth file " + explicit);
        }
        String user = env.get(USER_VARIABLE);
        String password = env.get(PASSWORD_VARIABLE);
        if ((user == null) != (password == null)) {
            throw new IllegalArgumentException("set both " + USER_VARIABLE + " and " + PASSWORD_VARIABLE + ", or neither");
        }
        if (user != null) {
            String encoded = Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
            mask.add(password);
            mask.add(encoded);
            return new AuthFile(write(tempDir, registries, encoded, holdings), true, USER_VARIABLE + "/" + PASSWORD_VARIABLE
                    + " (user " + user + ")", holdings);
        }
        String file = env.get(AUTH_FILE_VARIABLE);
        if (file != null && !file.isBlank()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException(AUTH_FILE_VARIABLE + "=" + file + " does not exist");
            }
            return new AuthFile(path, false, AUTH_FILE_VARIABLE + " " + file);
        }
        return new AuthFile(null, false, "the container tools' default auth file");
    }

    /** Writes {@code {"auths":{registry:{"auth":encoded}, ...}}} to a new 0600 file. */
    static Path write(Path dir, Collection<String> registries, String encoded, Holdings holdings) {
        try {
            Files.createDirectories(dir);
            Path file = Files.createTempFile(dir, "auth-", ".json",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            holdings.secretFileCreated(file);
            StringBuilder json = new StringBuilder("{\"auths\":{");
            String separator = "";
            for (String registry : new TreeSet<>(registries)) {
                json.append(separator).append('"').append(registry.replace("\\", "\\\\").replace("\"", "\\\""))
                        .append("\":{\"auth\":\"").append(encoded).append("\"}");
                separator = ",";
            }
            json.append("}}\n");
            Files.writeString(file, json.toString(), StandardCharsets.UTF_8);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a registry auth file in " + dir, e);
        }
    }

    /** The file, or null for the tools' default. */
    public Path path() {
        return path;
    }

    /** Where the credentials come from, for messages (never the secret itself). */
    public String source() {
        return source;
    }

    /** Deletes a temporary file. */
    @Override
    public void close() {
        if (temporary) {
            try {
                Files.deleteIfExists(path);
                holdings.secretFileRemoved(path);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the temporary auth file " + path, e);
            }
        }
    }
}
