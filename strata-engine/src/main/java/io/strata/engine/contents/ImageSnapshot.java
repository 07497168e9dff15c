package io.strata.engine.contents;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * What one image holds, as {@code image-contents.sh} listed it into a folder: its files, its
 * packages when it has a dpkg or rpm database, and its distribution (os-release {@code ID}) when known.
 *
 * @param files every entry of the root by path
 * @param packages installed packages by {@link InstalledPackage#key()}, or null without a package database
 * @param format the package database's kind, or null without one
 * @param distribution the os-release {@code ID}, or null
 */
public record ImageSnapshot(Map<String, FileEntry> files, Map<String, InstalledPackage> packages, PackageFormat format,
        String distribution) {

    /** Nothing: what a first build is compared with. */
    public static final ImageSnapshot EMPTY = new ImageSnapshot(Map.of(), Map.of(), null, null);

    /**
     * Reads a listing folder: {@code files} and {@code sums}, and {@code dpkg-status} (or the
     * rpm listing, {@value RpmDatabase#LISTING}) and {@code os-release} when the image has them.
     *
     * @throws IOException when a file cannot be read
     * @throws IllegalArgumentException when a listing is malformed
     */
    public static ImageSnapshot read(Path listing) throws IOException {
        Map<String, FileEntry> files = FileManifest.parse(Files.readAllBytes(listing.resolve("files")),
                Files.readAllBytes(listing.resolve("sums")));
        Path status = listing.resolve("dpkg-status");
        Path rpm = listing.resolve(RpmDatabase.LISTING);
        Map<String, InstalledPackage> packages = null;
        PackageFormat format = null;
        if (Files.exists(status)) {
            packages = DpkgStatus.parse(Files.readString(status));
            format = PackageFormat.DPKG;
        } else if (Files.exists(rpm)) {
            packages = RpmDatabase.parse(Files.readString(rpm));
            format = PackageFormat.RPM;
        }
        Path osRelease = listing.resolve("os-release");
        String distribution = Files.exists(osRelease) ? Sbom.distribution(Files.readString(osRelease)) : null;
        return new ImageSnapshot(files, packages, format, distribution);
    }

    /**
     * What changed from {@code before} to this image: packages (null when this image has no
     * package database; versions in this image's order) and files; no SBOM path.
     */
    public ImageChanges changesFrom(ImageSnapshot before, IgnoredPaths ignored) {
        PackageChanges packageChanges = packages == null ? null
                : PackageChanges.between(before.packages() == null ? Map.of() : before.packages(), packages, format.order());
        return new ImageChanges(packageChanges, FileChanges.between(before.files(), files, ignored), null);
    }

    /** This image's SBOM ({@link Sbom}), or null when it has no package database. */
    public String sbom(String image) {
        return packages == null ? null : Sbom.json(image, packages, format, distribution);
    }
}
