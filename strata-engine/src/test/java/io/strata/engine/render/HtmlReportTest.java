package io.strata.engine.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The report's limits and its page without a build status (the Jenkins page's records). */
class HtmlReportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A plan rebuilding one node, and a result where it added {@code added} files and changed one. */
    private static String page(int added, boolean withStatus) {
        ObjectNode plan = JSON.createObjectNode();
        plan.putArray("rebuild").addObject().put("node", "hsn/base").put("start", true).putArray("reasons");
        plan.putArray("reuse").add("my-fav-os/base");
        ObjectNode result = JSON.createObjectNode();
        if (withStatus) {
            result.put("succeeded", false).put("seconds", 3.5);
        }
        ObjectNode node = result.putArray("nodes").addObject().put("node", "hsn/base").put("result", "built");
        ObjectNode files = node.putObject("files").put("bytesBefore", 0).put("bytesAfter", 10);
        ArrayNode list = files.putArray("added");
        for (int i = 0; i < added; i++) {
            list.addObject().put("path", String.format("usr/share/f%05d", i)).putArray("what");
        }
        files.putArray("removed");
        files.putArray("changed").addObject().put("path", "etc/zzz-changed").put("sizeBefore", 1).put("sizeAfter", 2)
                .putArray("what").add("content");
        return HtmlReport.render("t", "<svg></svg>", plan, result);
    }

    @Test
    void aNodeShowsAtMostItsFirstFileRowsAndSaysWhereTheRestAre() {
        String html = page(HtmlReport.MAX_FILE_ROWS + 5, true);
        int rows = html.split("<tr data-search=\"usr/share/f|<tr data-search=\"etc/zzz", -1).length - 1;
        assertEquals(HtmlReport.MAX_FILE_ROWS, rows, "rows of files");
        assertFalse(html.contains("etc/zzz-changed</code>"), "rows past the limit are left out, in every list");
        assertTrue(html.contains("The first " + HtmlReport.MAX_FILE_ROWS + " of " + (HtmlReport.MAX_FILE_ROWS + 6)
                + " file changes; the build's result.json has them all."), html.substring(html.length() - 2000));
        assertTrue(html.contains("Build failed in 3.5 s."), "a result.json's status");
    }

    @Test
    void belowTheLimitEveryRowShowsAndRecordsWithoutStatusSayNothingOfOne() {
        String html = page(3, false);
        assertTrue(html.contains("<code>etc/zzz-changed</code></td><td class=\"changed\">changed</td><td>content</td><td>1</td><td>2</td>"),
                html);
        assertFalse(html.contains("The first "), "no note below the limit");
        assertFalse(html.contains(" Build "), "records without a build status (Jenkins) claim none");
    }
}
