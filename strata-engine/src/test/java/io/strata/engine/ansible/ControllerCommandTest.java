package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ControllerCommandTest {

    @Test
    void literalCommandsThatOnlyReportTheTimeOrTheMachineOrTheirArgumentsReadNoFile() {
        for (String command : new String[] {"date", "date --iso-8601=minutes", "date +%Y%m%d", "date '+%Y-%m-%d'", "date -u +%s",
            "date --utc", "date --date=now", "hostname", "hostname -s", "whoami", "uname -a", "id -un", "nproc", "echo hello",
            "printf done", "  date  "}) {
            assertTrue(ControllerCommand.readsNoRepositoryFile(command), command);
        }
    }

    @Test
    void fileOptionsOtherCommandsShellSyntaxAndComputedPartsMayReadAnyFile() {
        for (String command : new String[] {"date -r hosts", "date -ur hosts", "date -f dates.txt", "date --file=dates.txt",
            "date --fi=dates.txt", "date --reference hosts", "date --ref=hosts", "date now", "date +%s; cat secrets",
            "date | tee out", "date > out", "echo $(cat x)", "echo `cat x`", "echo $HOME", "date *", "hostname -F name",
            "hostname --file=name", "hostname name", "cat notes.txt", "git rev-parse HEAD", "./script.sh", "", " ",
            "date\ncat x", "uname -a && cat x"}) {
            assertFalse(ControllerCommand.readsNoRepositoryFile(command), command);
        }
    }
}
