package io.strata.engine.contents;

/**
 * A package installed in an image.
 *
 * @param name the package name
 * @param architecture its architecture ({@code amd64}, {@code all}, ...)
 * @param version its version as the package database writes it
 * @param installedKiB the installed size in KiB, as the database gives it (0 when unknown)
 */
public record InstalledPackage(String name, String architecture, String version, long installedKiB) {

    /** The key that tells two installed packages apart: {@code name:architecture}. */
    public String key() {
        return name + ":" + architecture;
    }
}
