package io.strata.engine.builder;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SourceInfoTest {

    @Test
    void theDefaultTagIsTheShortCommitKeepingDirtyElseDev() {
        String commit = "0123456789abcdef0123456789abcdef01234567";
        assertEquals("0123456789ab", new SourceInfo(null, commit).defaultTag());
        assertEquals("0123456789ab-dirty", new SourceInfo(null, commit + "-dirty").defaultTag());
        assertEquals("abc", new SourceInfo(null, "abc").defaultTag());
        assertEquals("dev", SourceInfo.UNKNOWN.defaultTag());
    }
}
