package io.strata.engine.contents;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * An image's files as the build lists them inside the mounted root ({@code image-contents.sh}):
 * find's entries, seven NUL-terminated fields each, and sha256sum's NUL-terminated lines of the
 * regular files. Names are read as bytes, so any name (a newline in it, a backslash) is kept.
 */
public final class FileManifest {

    private static final int FIELDS = 7;

    private FileManifest() {
    }

    /**
     * The entries by path, sorted.
     *
     * @throws IllegalArgumentException when the lists are not in that form (a listing cut short)
     */
    public static Map<String, FileEntry> parse(byte[] files, byte[] sums) {
        Map<String, String> checksums = new HashMap<>();
        for (String line : fields(sums)) {
            // "HASH  ./path" or "HASH *./path" (binary mode)
            if (line.length() < 68 || line.charAt(64) != ' ' || !line.startsWith("./", 66)) {
                throw new IllegalArgumentException("not a sha256sum line: " + line);
            }
            checksums.put(line.substring(68), line.substring(0, 64));
        }
        String[] fields = fields(files);
        if (fields.length % FIELDS != 0) {
            throw new IllegalArgumentException("a file listing cut short: " + fields.length + " fields");
        }
        Map<String, FileEntry> entries = new TreeMap<>();
        for (int i = 0; i < fields.length; i += FIELDS) {
            String path = fields[i];
            String type = fields[i + 1];
            long size;
            try {
                size = Long.parseLong(fields[i + 5]);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a size: " + fields[i + 5] + " for " + path, e);
            }
            entries.put(path, new FileEntry(path, type, fields[i + 2], fields[i + 3], fields[i + 4], size, fields[i + 6],
                    type.equals("f") ? checksums.get(path) : null));
        }
        return entries;
    }

    private static String[] fields(byte[] bytes) {
        if (bytes.length == 0) {
            return new String[0];
        }
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.charAt(text.length() - 1) != '\0') {
            throw new IllegalArgumentException("a listing that does not end with NUL (cut short)");
        }
        return text.substring(0, text.length() - 1).split("\0", -1);
    }
}
