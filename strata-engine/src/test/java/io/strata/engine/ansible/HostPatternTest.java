package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HostPatternTest {

    private final TestInventory inventory = new TestInventory()
            .group("Compute", "nid001", "nid002", "gpu01")
            .group("GPU", "gpu01")
            .group("UAN", "uan01")
            .group("login", "login01")
            .group("webservers", "web01")
            .child("cluster", "Compute")
            .child("cluster", "UAN");

    private boolean compute(String pattern) {
        return HostPattern.matches(pattern, inventory, Set.of("Compute"));
    }

    private boolean uan(String pattern) {
        return HostPattern.matches(pattern, inventory, Set.of("UAN"));
    }

    @Test
    void aGroupItsAncestorsAllAndStarReachTheContainer() {
        assertTrue(compute("Compute"));
        assertTrue(compute("cluster"));
        assertTrue(compute("all"));
        assertTrue(compute("*"));
        assertFalse(compute("UAN"));
        assertFalse(compute("login"));
    }

    @Test
    void unionsOnColonsAndCommas() {
        assertTrue(compute("UAN:Compute"));
        assertTrue(compute("login,Compute"));
        assertTrue(compute(" UAN , Compute "));
        assertFalse(compute("UAN:login"));
    }

    @Test
    void intersectionsAndExclusions() {
        assertTrue(compute("cluster:&Compute"));
        assertFalse(compute("cluster:&UAN"));
        assertTrue(compute("cluster:!UAN"));
        assertFalse(uan("cluster:!UAN"));
        assertFalse(compute("all:!cluster"));
        assertTrue(compute("!UAN"), "an exclusion alone applies to all");
        assertFalse(compute("UAN:Compute:!Compute"), "exclusions come after unions, whatever their place");
    }

    @Test
    void aHostOfTheContainersGroupsCounts() {
        assertTrue(compute("GPU"), "gpu01 is a Compute host");
        assertTrue(compute("nid001"));
        assertTrue(compute("Compute:&GPU"));
        assertFalse(uan("nid001"));
        assertTrue(uan("uan01"));
    }

    @Test
    void globsRegexesAndSubscripts() {
        assertTrue(compute("Comp*"));
        assertTrue(compute("nid0??"));
        assertFalse(compute("web*"));
        assertTrue(compute("~(Comp|Login).*"));
        assertFalse(compute("~web.*"));
        assertTrue(compute("Compute[0:1]"));
        assertTrue(compute("Compute[1]"));
        assertFalse(compute("UAN[0]"));
    }

    @Test
    void aTemplatedPatternMatches() {
        assertTrue(compute("{{ target_hosts }}"));
        assertTrue(compute("{{ target | default('UAN') }}:!login"));
    }

    @Test
    void namesUnknownToTheInventoryMatchOnlyWhenGroupsAreMadeAtRunTime() {
        assertFalse(compute("os_RedHat"));
        assertTrue(HostPattern.matches("os_RedHat", inventory, Set.of("Compute"), true));
        assertTrue(HostPattern.matches("Compute:!os_RedHat", inventory, Set.of("Compute"), true));
    }

    @Test
    void aContainerGroupMissingFromTheInventoryStillMatchesItsName() {
        assertTrue(HostPattern.matches("NewGroup", inventory, Set.of("NewGroup")));
        assertTrue(HostPattern.matches("NewGroup", null, Set.of("NewGroup")));
        assertFalse(HostPattern.matches("Compute", null, Set.of("NewGroup")));
    }

    @Test
    void splitFollowsAnsible() {
        assertEquals(List.of("a", "&b", "!c"), HostPattern.split("a:&b:!c"));
        assertEquals(List.of("web[0:2]", "db"), HostPattern.split("web[0:2]:db"));
        assertEquals(List.of("a:b", "c"), HostPattern.split("a:b,c"));
    }
}
