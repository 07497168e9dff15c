package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

class AnsibleCfgSettingsTest {

    private static final String CFG = """
            # site defaults
            [defaults]
            roles_path = roles:galaxy
            forks=5
            callbacks_enabled = profile_tasks,
                timer

            [ssh_connection]
            pipelining = True
            """;

    @Test
    void commentsBlankLinesSpacingAndKeyCaseAreNoSettings() {
        String same = """
                [defaults]
                ; where roles are
                roles_path=roles:galaxy

                FORKS = 5
                callbacks_enabled: profile_tasks,
                        # a comment inside the value is skipped by configparser
                  timer
                [ssh_connection]
                   # indented comment
                pipelining = True
                """;
        assertEquals(AnsibleCfgSettings.of(CFG), AnsibleCfgSettings.of(same));
        assertEquals(AnsibleCfgSettings.of(""), AnsibleCfgSettings.of("# nothing set yet\n\n"));
    }

    @Test
    void aValueAKeyASectionAContinuationOrAnInlineCommentIsAChange() {
        for (String changed : new String[] {CFG.replace("forks=5", "forks=6"), CFG.replace("roles_path", "roles_paths"),
            CFG.replace("[ssh_connection]", "[connection]"), CFG.replace("    timer", "    timer,\n    yaml"),
            CFG.replace("forks=5", "forks=5 ; tuned"), CFG.replace("profile_tasks,\n", "profile_tasks,\n\n"),
            CFG.replace("pipelining = True", "[defaults]\npipelining = True")}) {
            assertNotEquals(AnsibleCfgSettings.of(CFG), AnsibleCfgSettings.of(changed), changed);
        }
    }
}
