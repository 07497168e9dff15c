package io.strata.engine.builder.digest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The hash of exactly what a node is built from, with the lines it was computed over (kept in
 * the node's log folder, so a person can see why two digests differ).
 *
 * @param lines the inputs, one per line, in a fixed order
 */
public record InputDigest(List<String> lines) {

    /** The prefix of tags derived from the digest. */
    public static final String TAG_PREFIX = "in-";

    /** How many hex digits of the digest an immutable tag carries (128 bits). */
    public static final int TAG_DIGITS = 32;

    /** Keeps an immutable copy. */
    public InputDigest {
        lines = List.copyOf(lines);
    }

    /** {@code sha256:<hex>} of the lines, each ended by a line break. */
    public String value() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (String line : lines) {
                sha.update(line.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) '\n');
            }
            return "sha256:" + HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The immutable tag of images built from these inputs: {@code in-} and 32 hex digits. */
    public String tag() {
        return TAG_PREFIX + value().substring("sha256:".length(), "sha256:".length() + TAG_DIGITS);
    }

    /** The files of the playbook's repository it counts by content ({@code file PATH HASH} lines), repository-relative. */
    public Set<String> files() {
        Set<String> files = new TreeSet<>();
        for (String line : lines) {
            if (line.startsWith("file ")) {
                files.add(line.substring("file ".length(), line.lastIndexOf(' ')));
            }
        }
        return files;
    }

    /** The lines as one text. */
    public String text() {
        return String.join("\n", lines) + "\n";
    }

    /** The hex SHA-256 of some bytes, as {@code sha256:<hex>}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
