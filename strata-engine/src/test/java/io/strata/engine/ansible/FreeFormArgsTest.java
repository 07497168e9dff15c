package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class FreeFormArgsTest {

    @Test
    void keyValueWordsAndRawParamsRespectQuotesAndJinja() {
        assertEquals(Map.of("src", "a b.j2", "dest", "/etc/{{ name | default('x y') }}", "_raw_params", "extra word"),
                FreeFormArgs.parse("src=\"a b.j2\" extra dest=/etc/{{ name | default('x y') }} word"));
        assertEquals(Map.of("_raw_params", "scripts/run.sh --flag=1"), FreeFormArgs.parse("scripts/run.sh --flag=1"));
    }

    @Test
    void wildcardStarsCrossSlashes() {
        Wildcard wildcard = new Wildcard("roles/x/tasks/*.yml", "file", "");
        assertTrue(wildcard.matches("roles/x/tasks/RedHat.yml"));
        assertTrue(wildcard.matches("roles/x/tasks/os/RedHat.yml"));
        assertFalse(wildcard.matches("roles/x/tasks/RedHat.yaml"));
        assertEquals("site/*.yml", Glob.fromTemplate("site/{{ x }}{% if y %}-{{ y }}{% endif %}.yml", false));
        assertEquals("files/*.conf", Glob.fromTemplate("files/[ab]?.conf", true));
    }
}
