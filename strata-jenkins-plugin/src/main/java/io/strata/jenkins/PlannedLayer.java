package io.strata.jenkins;

import java.util.ArrayList;
import java.util.List;

/**
 * One node a build rebuilds, as the build page shows it. A plain class with final fields (not a
 * record, and with plain lists) because XStream stores it in {@code build.xml}.
 */
public final class PlannedLayer {

    private final String node;
    private final int level;
    private final boolean start;
    private final String image;
    private final String from;
    private final List<String> reasons;

    PlannedLayer(String node, int level, boolean start, String image, String from, List<String> reasons) {
        this.node = node;
        this.level = level;
        this.start = start;
        this.image = image;
        this.from = from;
        this.reasons = new ArrayList<>(reasons);
    }

    /** The node, {@code layer/type}. */
    public String getNode() {
        return node;
    }

    /** Its build level (0: built first). */
    public int getLevel() {
        return level;
    }

    /** Whether a change reaches it directly (false: rebuilt because its parent is). */
    public boolean isStart() {
        return start;
    }

    /** The image reference it is built as ({@code image:tag}). */
    public String getImage() {
        return image;
    }

    /** The image it is built FROM. */
    public String getFrom() {
        return from;
    }

    /** Why it is rebuilt, one line a reason: {@code kind: file -> detail}. */
    public List<String> getReasons() {
        return reasons;
    }
}
