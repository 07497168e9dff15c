package io.strata.engine.contents;

import com.github.packageurl.MalformedPackageURLException;
import com.github.packageurl.PackageURL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.cyclonedx.Version;
import org.cyclonedx.exception.GeneratorException;
import org.cyclonedx.generators.BomGeneratorFactory;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Metadata;

/**
 * The software bill of materials of an image in CycloneDX JSON (spec 1.5), built with the
 * CycloneDX Java library from the same package database as the package changes: one component
 * per installed package, named by its package URL ({@code pkg:deb/debian/bash@5.2.15-2?arch=amd64}).
 * The same packages give the same bytes (no timestamp; the serial number is derived from the
 * content), so the digest the image's label carries identifies it.
 */
public final class Sbom {

    /** The CycloneDX specification version written. */
    public static final Version VERSION = Version.VERSION_15;

    private Sbom() {
    }

    /**
     * The SBOM's JSON.
     *
     * @param image the image's reference
     * @param packages its installed packages
     * @param format the kind of package database they were read from (the package URLs' type)
     * @param distribution the distribution's os-release {@code ID} ({@code debian}, {@code ubuntu}, {@code rocky}), or null
     */
    public static String json(String image, Map<String, InstalledPackage> packages, PackageFormat format, String distribution) {
        Bom bom = new Bom();
        Metadata metadata = new Metadata();
        // The library stamps the time of construction; the same packages must give the same bytes (the label's digest).
        metadata.setTimestamp(null);
        Component subject = new Component();
        subject.setType(Component.Type.CONTAINER);
        subject.setName(image);
        subject.setBomRef(image);
        metadata.setComponent(subject);
        bom.setMetadata(metadata);
        String namespace = distribution == null || distribution.isBlank() ? format.defaultNamespace() : distribution;
        for (InstalledPackage installed : new TreeMap<>(packages).values()) {
            Component component = new Component();
            component.setType(Component.Type.LIBRARY);
            component.setName(installed.name());
            component.setVersion(installed.version());
            String purl = purl(format.purlType(), namespace, installed);
            component.setPurl(purl);
            component.setBomRef(purl);
            bom.addComponent(component);
        }
        try {
            String withoutSerial = BomGeneratorFactory.createJson(VERSION, bom).toJsonString();
            bom.setSerialNumber("urn:uuid:" + UUID.nameUUIDFromBytes(withoutSerial.getBytes(StandardCharsets.UTF_8)));
            return BomGeneratorFactory.createJson(VERSION, bom).toJsonString();
        } catch (GeneratorException e) {
            throw new IllegalStateException("cannot write the SBOM of " + image + ": " + e.getMessage(), e);
        }
    }

    private static String purl(String type, String namespace, InstalledPackage installed) {
        try {
            Map<String, String> qualifiers = new TreeMap<>();
            if (!installed.architecture().isEmpty()) {
                qualifiers.put("arch", installed.architecture());
            }
            String version = installed.version();
            int colon = version.indexOf(':');
            if (type.equals("rpm") && colon > 0) {
                // The rpm type carries the epoch as a qualifier (the purl specification's rpm section).
                qualifiers.put("epoch", version.substring(0, colon));
                version = version.substring(colon + 1);
            }
            return new PackageURL(type, namespace, installed.name(), version, new TreeMap<>(qualifiers), null).canonicalize();
        } catch (MalformedPackageURLException e) {
            throw new IllegalArgumentException("package " + installed.name() + " " + installed.version() + " has no package URL: "
                    + e.getMessage(), e);
        }
    }

    /** The distribution's {@code ID} from an os-release file's text, or null. */
    public static String distribution(String osRelease) {
        for (String line : osRelease.lines().toList()) {
            if (line.startsWith("ID=")) {
                String id = line.substring(3).strip().replace("\"", "").replace("'", "");
                return id.matches("[a-z0-9._-]+") ? id : null;
            }
        }
        return null;
    }

    /** The SBOM's problems against the CycloneDX schema (none: it is valid). */
    public static List<String> problems(String json) {
        try {
            return new org.cyclonedx.parsers.JsonParser().validate(json.getBytes(StandardCharsets.UTF_8), VERSION).stream()
                    .map(Throwable::getMessage).toList();
        } catch (java.io.IOException e) {
            return List.of(e.getMessage());
        }
    }
}
