package io.strata.engine.contents;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Debian's version order, by the policy's examples and against dpkg itself. */
class DebianVersionTest {

    private static int sign(int value) {
        return Integer.signum(value);
    }

    @Test
    void theOrderThePolicyDescribes() {
        String[] ascending = {"0.9", "1.0~rc1", "1.0", "1.0-1", "1.0-1+b1", "1.0-2", "1.0a", "1.0+dfsg", "1.0.1", "1.10", "2.0",
            "2.30-1ubuntu1", "2.30-1ubuntu10", "1:0.1-0~bpo1", "1:0.1", "1:0.1-1"};
        for (int i = 0; i < ascending.length; i++) {
            for (int j = 0; j < ascending.length; j++) {
                int expected = Integer.compare(i, j);
                String a = ascending[i];
                String b = ascending[j];
                assertEquals(expected, sign(DebianVersion.compare(a, b)), () -> a + " against " + b);
            }
        }
    }

    @Test
    void equalVersionsWrittenDifferently() {
        assertEquals(0, DebianVersion.compare("1.0", "1.00"));
        assertEquals(0, DebianVersion.compare("0:1.0", "1.0"));
        assertEquals(0, DebianVersion.compare("1.0-0", "1.0-00"));
        assertEquals(0, DebianVersion.compare("1:0.1", "1:0.1-0"), "no revision is revision 0");
    }

    @Provide
    Arbitrary<String> versions() {
        Arbitrary<String> epoch = Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.integers().between(0, 3).map(e -> e + ":"));
        Arbitrary<String> upstream = Combinators.combine(Arbitraries.strings().withChars("0123456789").ofMinLength(1).ofMaxLength(3),
                Arbitraries.strings().withChars("0123a.b+~z9").ofMaxLength(6)).as(String::concat);
        Arbitrary<String> revision = Arbitraries.oneOf(Arbitraries.just(""),
                Arbitraries.strings().withChars("01a.+~b9").ofMinLength(1).ofMaxLength(4).map(r -> "-" + r));
        return Combinators.combine(epoch, upstream, revision).as((e, u, r) -> e + u + r);
    }

    @Property(tries = 150)
    void ordersAsDpkgDoes(@ForAll("versions") String a, @ForAll("versions") String b) throws Exception {
        Assume.that(Files.isExecutable(Path.of("/usr/bin/dpkg")));
        int dpkg = dpkg(a, "lt", b) ? -1 : dpkg(a, "gt", b) ? 1 : 0;
        assertEquals(dpkg, sign(DebianVersion.compare(a, b)), () -> "dpkg --compare-versions " + a + " ? " + b);
    }

    private static boolean dpkg(String a, String relation, String b) throws IOException, InterruptedException {
        Process process = new ProcessBuilder("/usr/bin/dpkg", "--compare-versions", a, relation, b)
                .redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertTrue(output.isBlank(), () -> "dpkg finds a version invalid: " + output);
        return process.exitValue() == 0;
    }
}
