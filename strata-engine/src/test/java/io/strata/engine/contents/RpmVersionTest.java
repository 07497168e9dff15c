package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** RPM's version order, by known cases and against rpm's own {@code rpm.vercmp}. */
class RpmVersionTest {

    @Test
    void theOrderRpmDocuments() {
        String[] ascending = {"1.0~rc1", "1.0", "1.0^git1", "1.0a", "1.0.1", "1.1", "1.10", "2.0-1.el9", "2.0-1.el9_1", "2.0-2.el9",
            "1:0.5-1", "1:0.5-1.fc40"};
        for (int i = 0; i < ascending.length; i++) {
            for (int j = 0; j < ascending.length; j++) {
                String a = ascending[i];
                String b = ascending[j];
                assertEquals(Integer.compare(i, j), Integer.signum(RpmVersion.compare(a, b)), () -> a + " against " + b);
            }
        }
        assertEquals(0, RpmVersion.compare("1.0", "1.00"), "numbers without their leading zeros");
        assertEquals(0, RpmVersion.compare("0:1.0-1", "1.0-1"), "no epoch is epoch 0");
        assertEquals(0, RpmVersion.compare("1.0_1", "1.0.1"), "separators only separate");
        assertEquals(0, RpmVersion.compare("1.0-2", "1.0"), "a release beside none: versions alone count, as in rpm's EVR match");
    }

    @Provide
    Arbitrary<String> versions() {
        return Arbitraries.strings().withChars("0123456789ab.~^_").ofMinLength(1).ofMaxLength(7)
                .filter(v -> Character.isLetterOrDigit(v.charAt(0)));
    }

    @Property(tries = 300)
    void ordersAsRpmDoes(@ForAll("versions") String a, @ForAll("versions") String b) throws Exception {
        Assume.that(Files.isExecutable(Path.of("/usr/bin/rpm")));
        assertEquals(rpm(a, b), Integer.signum(RpmVersion.vercmp(a, b)), () -> "rpm.vercmp(" + a + ", " + b + ")");
    }

    /** rpm's own comparison, through the Lua interpreter built into rpm (an argument vector, no shell). */
    private static int rpm(String a, String b) throws Exception {
        Process process = new ProcessBuilder(List.of("/usr/bin/rpm", "--eval",
                "%{lua: print(rpm.vercmp([[" + a + "]], [[" + b + "]]))}")).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(output.matches("-?[01]"), () -> "rpm says " + output);
        return Integer.parseInt(output);
    }
}
