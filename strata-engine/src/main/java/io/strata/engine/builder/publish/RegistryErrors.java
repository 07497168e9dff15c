package io.strata.engine.builder.publish;

import io.strata.engine.builder.failure.BuildFailure;
import io.strata.engine.builder.process.CommandResult;
import java.util.Arrays;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads buildah's and skopeo's registry errors and says what they mean and what to do. */
public final class RegistryErrors {

    /** What kind of failure an error output shows. */
    public enum Kind {
        /** The tag or repository does not exist. */
        NOT_FOUND,
        /** The credentials were refused or missing. */
        UNAUTHORIZED,
        /** The registry could not be reached (down, refused, timed out): worth retrying. */
        UNREACHABLE,
        /** The registry speaks plain HTTP but TLS was required. */
        PLAIN_HTTP,
        /** The registry's TLS certificate is not trusted. */
        CERTIFICATE,
        /** Anything else. */
        OTHER
    }

    private static final Pattern LOGRUS = Pattern.compile(".*\\bmsg=\"(.*)\"\\s*$");

    private RegistryErrors() {
    }

    /** The innermost cause of a Go error chain: its last three ": "-separated parts ("dial tcp ...: connect: connection refused"). */
    static String cause(String message) {
        String[] parts = message.split(": ");
        return parts.length <= 3 ? message : String.join(": ", Arrays.copyOfRange(parts, parts.length - 3, parts.length));
    }

    /** The message of an error line, without skopeo's {@code time=... level=fatal msg="..."} wrapping. */
    static String message(String line) {
        Matcher matcher = LOGRUS.matcher(line);
        return matcher.matches() ? matcher.group(1).replace("\\\"", "\"") : line;
    }

    /** The kind of a failed command's output. */
    public static Kind kind(CommandResult result) {
        String text = (result.stderr() + "\n" + result.stdout()).toLowerCase(Locale.ROOT);
        if (text.contains("unauthorized") || text.contains("authentication required") || text.contains("invalid username/password")
                || text.contains("requested access to the resource is denied")) {
            return Kind.UNAUTHORIZED;
        }
        if (text.contains("manifest unknown") || text.contains("name unknown") || text.contains("not found")) {
            return Kind.NOT_FOUND;
        }
        if (text.contains("server gave http response to https client")) {
            return Kind.PLAIN_HTTP;
        }
        if (text.contains("x509") || text.contains("certificate")) {
            return Kind.CERTIFICATE;
        }
        if (text.contains("connection refused") || text.contains("no such host") || text.contains("i/o timeout")
                || text.contains("connection reset") || text.contains("tls handshake timeout") || text.contains("unexpected eof")
                || text.contains("502 bad gateway") || text.contains("503 service unavailable")
                || text.contains("504 gateway timeout") || text.contains("too many requests")) {
            return Kind.UNREACHABLE;
        }
        return Kind.OTHER;
    }

    /**
     * The failure to report for a command that failed against a registry.
     *
     * @param action what was attempted ("push localhost/ca/x:t1")
     * @param registry the registry's host[:port]
     * @param result the last attempt's result
     * @param attempts how many attempts were made
     */
    public static BuildFailure failure(String action, String registry, CommandResult result, int attempts) {
        String last = message(result.lastErrorLine());
        return switch (kind(result)) {
            case UNAUTHORIZED -> new BuildFailure(action + ": the registry " + registry + " refused the credentials ("
                    + last + ")", "check STRATA_REGISTRY_USER and STRATA_REGISTRY_PASSWORD, or the auth file (the one"
                    + " given, or REGISTRY_AUTH_FILE); the user needs push rights on the repository");
            case UNREACHABLE -> new BuildFailure(action + ": cannot reach the registry " + registry + " (" + attempts
                    + (attempts == 1 ? " attempt" : " attempts") + "; last error: " + cause(last) + ")",
                    "check that the registry is up and reachable from this machine, then run the build again"
                    + " with reuse on, to rebuild only what was not published");
            case PLAIN_HTTP -> new BuildFailure(action + ": the registry " + registry + " answers plain HTTP but TLS is"
                    + " verified by default", "serve the registry over HTTPS, or list it under settings.build.insecure_registries"
                    + " (for a registry on a trusted local network only)");
            case CERTIFICATE -> new BuildFailure(action + ": the TLS certificate of " + registry + " is not trusted (" + last + ")",
                    "install the registry's CA certificate under /etc/containers/certs.d/" + registry + "/ca.crt");
            case NOT_FOUND -> new BuildFailure(action + ": not found in " + registry + " (" + last + ")",
                    "check the image name and tag; a parent must be built and published before its children");
            case OTHER -> new BuildFailure(action + " failed: " + last, "");
        };
    }
}
