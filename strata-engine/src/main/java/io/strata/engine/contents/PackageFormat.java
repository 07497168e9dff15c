package io.strata.engine.contents;

import java.util.Comparator;

/** The kind of package database an image has: what orders its versions and names its packages' URLs. */
public enum PackageFormat {

    /** Debian and Ubuntu: dpkg's status file ({@link DpkgStatus}). */
    DPKG("deb", "debian", DebianVersion.ORDER),
    /** RHEL-like and SUSE images: the rpm database, listed by the image's rpm ({@link RpmDatabase}). */
    RPM("rpm", null, RpmVersion.ORDER);

    private final String purlType;
    private final String defaultNamespace;
    private final Comparator<String> order;

    PackageFormat(String purlType, String defaultNamespace, Comparator<String> order) {
        this.purlType = purlType;
        this.defaultNamespace = defaultNamespace;
        this.order = order;
    }

    /** The package URL type: {@code deb} or {@code rpm}. */
    public String purlType() {
        return purlType;
    }

    /** The package URL namespace when the image's distribution is unknown, or null for none. */
    public String defaultNamespace() {
        return defaultNamespace;
    }

    /** The version order. */
    public Comparator<String> order() {
        return order;
    }
}
