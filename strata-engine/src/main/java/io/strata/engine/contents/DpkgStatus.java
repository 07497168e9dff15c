package io.strata.engine.contents;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The installed packages of a Debian or Ubuntu image, read from dpkg's own database
 * ({@code /var/lib/dpkg/status}, deb822 paragraphs): a package counts when its {@code Status}
 * says it is installed ({@code install ok installed}, or {@code hold ok installed}); packages
 * only unpacked, half-configured or removed with their configuration left do not.
 */
public final class DpkgStatus {

    /** Where dpkg keeps it, inside the image's root. */
    public static final String PATH = "var/lib/dpkg/status";

    private DpkgStatus() {
    }

    /**
     * The installed packages by {@link InstalledPackage#key()}, sorted.
     *
     * @throws IllegalArgumentException when a paragraph of installed package lacks its name or version
     */
    public static Map<String, InstalledPackage> parse(String text) {
        Map<String, InstalledPackage> packages = new TreeMap<>();
        Map<String, String> fields = new LinkedHashMap<>();
        String last = null;
        int paragraphLine = 1;
        List<String> lines = text.lines().toList();
        for (int i = 0; i <= lines.size(); i++) {
            String line = i < lines.size() ? lines.get(i) : "";
            if (line.isBlank()) {
                add(fields, packages, paragraphLine);
                fields.clear();
                last = null;
                paragraphLine = i + 2;
            } else if ((line.startsWith(" ") || line.startsWith("\t")) && last != null) {
                fields.merge(last, "\n" + line.strip(), String::concat);
            } else {
                int colon = line.indexOf(':');
                if (colon > 0) {
                    last = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
                    fields.put(last, line.substring(colon + 1).strip());
                }
            }
        }
        return packages;
    }

    private static void add(Map<String, String> fields, Map<String, InstalledPackage> packages, int line) {
        String status = fields.getOrDefault("status", "");
        String[] words = status.split("\\s+");
        if (words.length != 3 || !words[2].equals("installed")) {
            return;
        }
        String name = fields.get("package");
        String version = fields.get("version");
        if (name == null || name.isEmpty() || version == null || version.isEmpty()) {
            throw new IllegalArgumentException("line " + line + ": an installed package without "
                    + (name == null || name.isEmpty() ? "a Package" : "a Version") + " field");
        }
        long size = 0;
        try {
            size = Long.parseLong(fields.getOrDefault("installed-size", "0"));
        } catch (NumberFormatException e) {
            // Unknown size: counted as 0.
        }
        InstalledPackage installed = new InstalledPackage(name, fields.getOrDefault("architecture", ""), version, size);
        packages.put(installed.key(), installed);
    }
}
