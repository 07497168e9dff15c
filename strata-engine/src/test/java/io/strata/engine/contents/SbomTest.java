package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An image's SBOM from its dpkg database: valid CycloneDX, one component per installed package. */
class SbomTest {

    private static final Map<String, InstalledPackage> PACKAGES = DpkgStatus.parse("""
            Package: libc6
            Status: install ok installed
            Architecture: amd64
            Version: 2.36-9+deb12u4

            Package: python3
            Status: install ok installed
            Architecture: amd64
            Version: 1:3.11.2-1+b1

            Package: gone
            Status: deinstall ok config-files
            Architecture: all
            Version: 1
            """);

    @Test
    void validCycloneDxWithAComponentPerInstalledPackage() throws Exception {
        String json = Sbom.json("reg.example.org/ca/compute-compute:k1", PACKAGES, PackageFormat.DPKG, "debian");
        assertEquals(List.of(), Sbom.problems(json), json);
        JsonNode bom = new ObjectMapper().readTree(json);
        assertEquals("CycloneDX", bom.get("bomFormat").asText());
        assertEquals("1.5", bom.get("specVersion").asText());
        assertEquals("reg.example.org/ca/compute-compute:k1", bom.at("/metadata/component/name").asText());
        assertEquals(2, bom.get("components").size(), "installed packages only");
        assertEquals("pkg:deb/debian/libc6@2.36-9%2Bdeb12u4?arch=amd64", bom.get("components").get(0).get("purl").asText());
        assertEquals("pkg:deb/debian/python3@1%3A3.11.2-1%2Bb1?arch=amd64", bom.get("components").get(1).get("purl").asText());
        assertEquals("1:3.11.2-1+b1", bom.get("components").get(1).get("version").asText());
    }

    @Test
    void theSamePackagesGiveTheSameBytes() {
        assertEquals(Sbom.json("i:t", PACKAGES, PackageFormat.DPKG, "ubuntu"), Sbom.json("i:t", PACKAGES, PackageFormat.DPKG, "ubuntu"));
        assertTrue(Sbom.json("i:t", PACKAGES, PackageFormat.DPKG, "ubuntu").contains("pkg:deb/ubuntu/libc6"));
        assertFalse(Sbom.json("i:t", PACKAGES, PackageFormat.DPKG, "ubuntu").contains("\"timestamp\""),
                "no time of writing: two calls in different seconds give the same bytes too");
        assertFalse(Sbom.json("i:t", PACKAGES, PackageFormat.DPKG, "ubuntu").equals(Sbom.json("i:t", Map.of(), PackageFormat.DPKG, "ubuntu")));
    }

    @Test
    void theDistributionFromOsRelease() {
        assertEquals("debian", Sbom.distribution("PRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\nID=debian\nVERSION_ID=\"12\"\n"));
        assertEquals("ubuntu", Sbom.distribution("ID=\"ubuntu\"\n"));
        assertEquals(null, Sbom.distribution("NAME=x\n"));
        assertEquals(null, Sbom.distribution("ID=$(reboot)\n"), "only a plain id names a purl namespace");
    }

    @Test
    void anInvalidSbomIsToldApart() {
        assertFalse(Sbom.problems("{\"bomFormat\": \"CycloneDX\", \"specVersion\": \"1.5\", \"components\": 3}").isEmpty());
    }
}
