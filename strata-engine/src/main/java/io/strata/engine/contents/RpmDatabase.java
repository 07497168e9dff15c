package io.strata.engine.contents;

import java.util.Map;
import java.util.TreeMap;

/**
 * The installed packages of an RPM-based image, as rpm lists them ({@code image-contents.sh}
 * runs the build host's {@code rpm -qa} on a copy of the image's database files, so that no code
 * of the image runs and the image gains no lock file): one line per package, tab-separated name,
 * epoch (0 when none), version, release, architecture and size in bytes. The {@code gpg-pubkey} entries
 * rpm keeps for imported signing keys are not packages and are left out.
 */
public final class RpmDatabase {

    /** The file the listing script writes. */
    public static final String LISTING = "rpm-packages";

    private RpmDatabase() {
    }

    /**
     * The installed packages by {@link InstalledPackage#key()}, sorted; versions are
     * {@code [epoch:]version-release} (no epoch when it is 0), ordered by {@link RpmVersion}.
     *
     * @throws IllegalArgumentException when a line does not have the six fields
     */
    public static Map<String, InstalledPackage> parse(String text) {
        Map<String, InstalledPackage> packages = new TreeMap<>();
        int number = 0;
        for (String line : text.split("\n", -1)) {
            number++;
            if (line.isEmpty()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (fields.length != 6 || fields[0].isEmpty() || fields[2].isEmpty()) {
                throw new IllegalArgumentException("rpm listing line " + number + " has not the six fields "
                        + "(name, epoch, version, release, architecture, size): " + line);
            }
            if (fields[0].equals("gpg-pubkey")) {
                continue;
            }
            String epoch = fields[1].isEmpty() || fields[1].equals("0") || fields[1].equals("(none)") ? "" : fields[1] + ":";
            String release = fields[3].isEmpty() || fields[3].equals("(none)") ? "" : "-" + fields[3];
            String architecture = fields[4].equals("(none)") ? "" : fields[4];
            long size = fields[5].matches("\\d{1,18}") ? Long.parseLong(fields[5]) : 0;
            InstalledPackage installed = new InstalledPackage(fields[0], architecture, epoch + fields[2] + release, size / 1024);
            packages.put(installed.key(), installed);
        }
        return packages;
    }
}
