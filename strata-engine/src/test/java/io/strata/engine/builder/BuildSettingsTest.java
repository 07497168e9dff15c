package io.strata.engine.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.ansible.Connection;
import io.strata.engine.config.ConfigException;
import io.strata.engine.config.LayersConfig;
import io.strata.engine.config.LayersConfigParser;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BuildSettingsTest {

    private static LayersConfig config(String settings) {
        return LayersConfigParser.parse("layers.yaml", ("""
                settings:
                """ + settings + """
                base:
                  image_types:
                    - {type: base, firstlayer: True}
                """).getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void everyBuildSettingIsRead() {
        BuildSettings settings = BuildSettings.of(config("""
                  registry: 127.0.0.1:5000
                  build:
                    storage_driver: vfs
                    connection: buildah
                    connection_attempts: 5
                    insecure_registries: ['127.0.0.1:5000']
                    push_attempts: 2
                    jobs: 3
                    squashfs: {dir: images, compression: xz}
                    test: {command: [test, -x, /usr/bin/python3]}
                """), Path.of("/site"));
        assertEquals("vfs", settings.storageDriver());
        assertEquals(Connection.BUILDAH, settings.connection());
        assertEquals(5, settings.connectionAttempts());
        assertEquals(Set.of("127.0.0.1:5000"), settings.insecureRegistries());
        assertEquals(2, settings.pushAttempts());
        assertEquals(3, settings.jobs());
        assertEquals(Path.of("/site/images"), settings.squashfs().dir());
        assertEquals("xz", settings.squashfs().compression());
        assertEquals(List.of("test", "-x", "/usr/bin/python3"), settings.test().command());
    }

    @Test
    void aSiteAddsPathsTheChangesLeaveOutAndAPathOutsideTheRootIsRefusedAtItsLine() {
        BuildSettings settings = BuildSettings.of(config("""
                  build:
                    changes_ignore: [/opt/site/stamp, var/lib/site-cache/]
                """), Path.of("/site"));
        assertTrue(settings.changesIgnored().matches("opt/site/stamp"), "a leading / is the root");
        assertTrue(settings.changesIgnored().matches("var/lib/site-cache/x"));
        assertTrue(settings.changesIgnored().matches("etc/machine-id"), "the defaults stay");
        assertFalse(BuildSettings.defaults().changesIgnored().matches("opt/site/stamp"));
        assertTrue(settings.changes(), "changes are recorded by default");
        assertFalse(BuildSettings.of(config("""
                  build:
                    changes: false
                """), Path.of("/site")).changes());
        assertThrows(ConfigException.class, () -> BuildSettings.of(config("""
                  build:
                    changes: sometimes
                """), Path.of("/site")));

        ConfigException e = assertThrows(ConfigException.class, () -> BuildSettings.of(config("""
                  build:
                    changes_ignore: [../etc, /]
                """), Path.of("/site")));
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("layers.yaml:3:5:") && e.getMessage().contains("'../etc' is no path below the image's root"),
                e.getMessage());
    }

    @Test
    void noSettingsGiveTheDefaults() {
        BuildSettings settings = BuildSettings.of(config("  registry: r.example.org\n"), Path.of("/site"));
        assertEquals(BuildSettings.defaults(), settings);
        assertEquals(Connection.CHROOT, settings.connection());
        assertEquals(Set.of(), settings.insecureRegistries(), "TLS is verified everywhere by default");
    }

    @Test
    void wrongSettingsAreAllReported() {
        ConfigException e = assertThrows(ConfigException.class, () -> BuildSettings.of(config("""
                  build:
                    connection: ssh
                    jobs: many
                    squashfs: {compression: zstd, level: 40}
                    colour: blue
                """), Path.of("/site")));
        String text = e.getMessage();
        assertEquals(4, e.problems().size(), text);
        assertTrue(text.contains("'ssh' is not one of [buildah, chroot] (key 'settings.build.connection')"), text);
        assertTrue(text.contains("settings.build.jobs"), text);
        assertTrue(text.contains("zstd levels go from 1 to 22"), text);
        assertTrue(text.contains("unknown build setting (key 'settings.build.colour')"), text);
    }
}
