package io.strata.jenkins;

import edu.umd.cs.findbugs.annotations.CheckForNull;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the agent sends back after planning: the plan as plain maps and lists (the step's
 * result, safe for CPS), the commit analysed and the analysis' notes. Only JDK collection and
 * value types, which the controller's class filter accepts.
 */
final class AgentPlan implements Serializable {

    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Object> plan;
    private final String analysedCommit;
    private final ArrayList<String> notes;

    AgentPlan(Map<String, Object> plan, @CheckForNull String analysedCommit, List<String> notes) {
        this.plan = new LinkedHashMap<>(plan);
        this.analysedCommit = analysedCommit;
        this.notes = new ArrayList<>(notes);
    }

    /** The plan, fields as {@code PlanJson} writes them. */
    Map<String, Object> getPlan() {
        return plan;
    }

    /** The commit analysed, or null outside git. */
    @CheckForNull String getAnalysedCommit() {
        return analysedCommit;
    }

    /** Remarks of the analysis. */
    List<String> getNotes() {
        return notes;
    }
}
