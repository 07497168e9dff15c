package io.strata.engine.builder.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.builder.process.LogFile;
import io.strata.engine.builder.process.OutputSink;
import io.strata.engine.builder.process.SecretMask;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthFileTest {

    @TempDir
    Path dir;

    @Test
    void credentialsFromTheEnvironmentGoToAPrivateFileThatIsDeletedAtTheEnd() throws IOException {
        SecretMask mask = new SecretMask();
        Path file;
        try (AuthFile auth = AuthFile.resolve(null, Map.of(AuthFile.USER_VARIABLE, "builder", AuthFile.PASSWORD_VARIABLE, "s3cret-pw"),
                List.of("127.0.0.1:5000", "registry.example.org"), dir, mask)) {
            file = auth.path();
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
            String encoded = Base64.getEncoder().encodeToString("builder:s3cret-pw".getBytes(StandardCharsets.UTF_8));
            assertEquals("{\"auths\":{\"127.0.0.1:5000\":{\"auth\":\"" + encoded + "\"},\"registry.example.org\":{\"auth\":\""
                    + encoded + "\"}}}\n", Files.readString(file));
            assertFalse(auth.source().contains("s3cret-pw"), auth.source());
            assertEquals("login with ******** (" + SecretMask.MASK + ")", mask.apply("login with s3cret-pw (" + encoded + ")"));
        }
        assertFalse(Files.exists(file), "the temporary auth file is removed");
    }

    @Test
    void anExplicitFileOrTheToolsVariableIsUsedAsItIsAndNeverDeleted() throws IOException {
        Path mine = Files.writeString(dir.resolve("auth.json"), "{}");
        try (AuthFile auth = AuthFile.resolve(mine, Map.of(AuthFile.USER_VARIABLE, "u", AuthFile.PASSWORD_VARIABLE, "p4ss"), List.of("r"), dir,
                new SecretMask())) {
            assertEquals(mine, auth.path());
        }
        assertTrue(Files.exists(mine));
        try (AuthFile auth = AuthFile.resolve(null, Map.of(AuthFile.AUTH_FILE_VARIABLE, mine.toString()), List.of("r"), dir, new SecretMask())) {
            assertEquals(mine, auth.path());
        }
        try (AuthFile auth = AuthFile.resolve(null, Map.of(), List.of("r"), dir, new SecretMask())) {
            assertNull(auth.path(), "the tools' default");
        }
        assertTrue(Files.exists(mine));
    }

    @Test
    void halfGivenCredentialsAndMissingFilesAreErrors() {
        assertThrows(IllegalArgumentException.class,
                () -> AuthFile.resolve(null, Map.of(AuthFile.USER_VARIABLE, "u"), List.of("r"), dir, new SecretMask()));
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> AuthFile.resolve(dir.resolve("nope.json"), Map.of(), List.of("r"), dir, new SecretMask()));
        assertTrue(missing.getMessage().contains("nope.json does not exist"));
    }

    @Test
    void logFilesMaskEverySecretLongestFirst() throws IOException {
        SecretMask mask = new SecretMask();
        mask.add("pw");
        mask.add("hunter2");
        mask.add("hunter2-long");
        Path log = dir.resolve("logs/node.log");
        try (LogFile file = new LogFile(log, mask)) {
            file.line(OutputSink.Stream.ERR, "auth hunter2-long then hunter2, pw stays");
        }
        String text = Files.readString(log);
        assertTrue(text.endsWith(" ! auth ******** then ********, pw stays\n"), text);
    }
}
