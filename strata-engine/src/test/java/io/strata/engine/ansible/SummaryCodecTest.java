package io.strata.engine.ansible;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.strata.engine.jinja.VariableUse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Summaries read back from the persistent cache equal the ones parsed. */
class SummaryCodecTest {

    private static void assertRoundTrip(Object summary, SummaryKind kind) {
        assertEquals(summary, SummaryCodec.decode(SummaryCodec.encode(summary), kind));
    }

    @Test
    void everySummaryOfTheBundledSitesReadsBackEqual() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("../examples", "../strata-e2e/src/test/resources")) {
            try (Stream<Path> walk = Files.walk(Path.of(root))) {
                walk.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(ya?ml|j2)$")).forEach(files::add);
            }
        }
        assertTrue(files.size() > 40, () -> "too few files to mean anything: " + files.size());
        int[] refs = {0};
        for (Path file : files) {
            byte[] bytes = Files.readAllBytes(file);
            PlaybookSummary playbook = PlayReader.playbook(ParsedFile.parse(bytes));
            for (PlaybookSummary.Entry entry : playbook.entries()) {
                refs[0] += entry instanceof PlaybookSummary.Play play ? play.content().refs().size() : 1;
            }
            assertRoundTrip(playbook, SummaryKind.PLAYBOOK);
            ContentSummary tasks = TaskReader.tasks(ParsedFile.parse(bytes));
            refs[0] += tasks.refs().size();
            assertRoundTrip(tasks, SummaryKind.TASKS);
            assertRoundTrip(TaskReader.vars(ParsedFile.parse(bytes)), SummaryKind.VARS);
            assertRoundTrip(TaskReader.meta(ParsedFile.parse(bytes)), SummaryKind.META);
            assertRoundTrip(TaskReader.template(new String(bytes, StandardCharsets.UTF_8)), SummaryKind.TEMPLATE);
        }
        assertTrue(refs[0] > 20, () -> "the files refer to other files and roles: " + refs[0]);
    }

    @Test
    void everyKindOfReferenceAndAnyTextReadsBackEqual() {
        String lone = "a\ud800b";
        String long64k = "x".repeat(70_000);
        PathSpec dynamic = PathSpec.of("{{ playbook_dir }}/files/{{ item }}.conf", false);
        ContentSummary content = new ContentSummary(new VariableUse(Set.of("a", lone), true, false),
                List.of(new Ref.TaskInclude(PathSpec.of("more.yml", false), "include_tasks"),
                        new Ref.RoleUse(PathSpec.of("common", false), new RoleEntries("t", "v", "d", "h"), "roles", true),
                        new Ref.FileUse(null, List.of(dynamic, PathSpec.of("/etc/x", false)), Ref.ReadAs.TEMPLATE, "template"),
                        new Ref.VarsDir(PathSpec.of("vars", false), List.of("yml", "json"), "include_vars")),
                Set.of("ns.coll", "other.coll"), List.of("ns.coll"), true, List.of(long64k), null);
        assertRoundTrip(content, SummaryKind.TASKS);
        assertRoundTrip(ContentSummary.NONE, SummaryKind.TEMPLATE);
        assertRoundTrip(ContentSummary.unreadable("vault-encrypted"), SummaryKind.VARS);
        assertRoundTrip(new PlaybookSummary(List.of(new PlaybookSummary.Import(PathSpec.of("other.yml", false), VariableUse.NONE),
                new PlaybookSummary.Play(null, List.of("ns.coll"), content), new PlaybookSummary.Play("compute:&x", List.of(),
                        ContentSummary.NONE)), "a problem"), SummaryKind.PLAYBOOK);
    }

    @Test
    void bytesThatAreNoSummaryAreRefused() {
        byte[] bytes = SummaryCodec.encode(ContentSummary.NONE);
        assertThrows(IllegalArgumentException.class, () -> SummaryCodec.decode(new byte[] {1, 2, 3}, SummaryKind.TASKS));
        assertThrows(IllegalArgumentException.class, () -> SummaryCodec.decode(java.util.Arrays.copyOf(bytes, bytes.length + 1),
                SummaryKind.TASKS));
    }
}
