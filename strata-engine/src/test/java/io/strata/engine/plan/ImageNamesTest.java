package io.strata.engine.plan;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.LayersConfigParser;
import io.strata.engine.config.Problem;
import io.strata.engine.config.SourceLocation;
import io.strata.engine.graph.NodeId;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ImageNamesTest {

    private static LayersConfig config(String settings) {
        return LayersConfigParser.parse("layers.yaml", ("base: {image_types: [{type: base, firstlayer: True}]}\n" + settings)
                .getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void registriesThatReferencesCanHoldAreAccepted() {
        for (String registry : List.of("localhost", "127.0.0.1:5000", "registry.example.org:5000/hpc/images", "[::1]:5000",
                "my-registry", "r.example.org/a_b/c-d")) {
            assertDoesNotThrow(() -> ImageNames.checkRegistry(SourceLocation.of("--registry"), registry), registry);
        }
        assertEquals("r.example.org:5000/site/base-base", ImageNames.of(config(""), "r.example.org:5000/").image(new NodeId("base", "base")));
    }

    @Test
    void aRegistryNoReferenceCanHoldIsRefusedWhereItWasGiven() {
        for (String registry : List.of("https://r.example.org", "r.example.org/Upper", "r example.org", "r.example.org:port", "-r.org", "")) {
            Problem problem = assertThrows(ConfigException.class, () -> ImageNames.of(config(""), registry)).problems().get(0);
            assertEquals("the registry given", problem.location().toString(), registry);
        }
        Problem scheme = assertThrows(ConfigException.class, () -> ImageNames.of(config(""), "https://r.example.org")).problems().get(0);
        assertTrue(scheme.hint().contains("write r.example.org"), scheme.format());
        Problem setting = assertThrows(ConfigException.class, () -> ImageNames.of(config("settings:\n  registry: 'http://r:5000'\n"), null))
                .problems().get(0);
        assertEquals("layers.yaml:3:3", setting.location().toString());
    }

    @Test
    void tagsAreCheckedAsRegistriesAcceptThem() {
        assertDoesNotThrow(() -> ImageNames.checkTag("--tag", "in-0123abc"));
        assertDoesNotThrow(() -> ImageNames.checkTag("--tag", "_v1.2"));
        for (String tag : List.of("-rf", ".x", "a b", "a:b", "x".repeat(129), "")) {
            Problem problem = assertThrows(ConfigException.class, () -> ImageNames.checkTag("--tag", tag)).problems().get(0);
            assertEquals("--tag", problem.location().toString());
        }
    }
}
