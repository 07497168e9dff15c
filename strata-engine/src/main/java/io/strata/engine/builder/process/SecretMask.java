package io.strata.engine.builder.process;

import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;

/**
 * Hides secrets in text before it reaches a log or a terminal: every occurrence of a registered
 * secret (a password, the base64 credentials of an auth file) becomes {@value #MASK}.
 */
public final class SecretMask {

    /** What a secret is replaced with. */
    public static final String MASK = "********";

    /** Secrets shorter than this are not masked: they would hide ordinary words. */
    static final int MIN_LENGTH = 4;

    private final Set<String> secrets = new CopyOnWriteArraySet<>();

    /** A mask with no secret yet. */
    public SecretMask() {
    }

    /** Registers a secret (ignored when null or shorter than four characters). */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_LENGTH) {
            secrets.add(secret);
        }
    }

    /** The text with every secret replaced, longest secrets first. */
    public String apply(String text) {
        if (text == null || secrets.isEmpty()) {
            return text;
        }
        String masked = text;
        List<String> ordered = secrets.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        for (String secret : ordered) {
            masked = masked.replace(secret, MASK);
        }
        return masked;
    }

    /** A sink that masks every line before passing it on. */
    public OutputSink masking(OutputSink sink) {
        return (stream, line) -> sink.line(stream, apply(line));
    }
}
