package io.strata.engine.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.strata.engine.plan.BuildPlan;
import io.strata.engine.plan.PlanJson;
import io.strata.engine.render.GraphPicture;
import io.strata.engine.render.HtmlReport;
import io.strata.engine.render.SvgRenderer;

/**
 * The self-contained HTML report of a planned change and, after its build, of what each built node
 * changed ({@link HtmlReport}), for every front-end: {@code strata report}, {@code strata build}'s
 * {@code report.html} and the Jenkins build page.
 */
public final class ReportService {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportService() {
    }

    /**
     * The page of a plan, with a build's result when there is one.
     *
     * @param site the site's name for the title (its folder's name)
     * @param analysis the analysed change (its graph is drawn)
     * @param plan the plan made from it
     * @param result the build's result ({@code result.json}, docs/json.md), or null for a plan alone
     */
    public static String html(String site, SiteAnalysis analysis, BuildPlan plan, JsonNode result) {
        String svg = SvgRenderer.render(new GraphPicture(analysis.head().graph(), analysis.impact()));
        return HtmlReport.render("Strata report: " + site, svg, JSON.valueToTree(PlanJson.toMap(plan)), result);
    }
}
