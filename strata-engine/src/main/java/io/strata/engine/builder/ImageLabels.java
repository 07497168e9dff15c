package io.strata.engine.builder;

import io.strata.engine.builder.digest.InputDigest;
import io.strata.engine.builder.digest.ToolVersions;
import io.strata.engine.graph.NodeId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The provenance labels of a built image: the OCI annotation keys where one exists
 * ({@code org.opencontainers.image.*}), {@code io.strata.*} for the rest.
 */
public final class ImageLabels {

    /** The node, {@code layer/type}. */
    public static final String NODE = "io.strata.node";
    /** The layer. */
    public static final String LAYER = "io.strata.layer";
    /** The image type. */
    public static final String TYPE = "io.strata.type";
    /** The parent image's ID ({@code sha256:...}), or {@code scratch}. */
    public static final String PARENT_ID = "io.strata.parent.id";
    /** The parent image reference it was built FROM. */
    public static final String PARENT_REF = "io.strata.parent.ref";
    /** The input digest. */
    public static final String INPUT_DIGEST = "io.strata.input-digest";
    /** The tools that built it. */
    public static final String TOOLS = "io.strata.tools";
    /** The source repository. */
    public static final String SOURCE = "org.opencontainers.image.source";
    /** The source commit. */
    public static final String REVISION = "org.opencontainers.image.revision";
    /** The image's name. */
    public static final String TITLE = "org.opencontainers.image.title";

    /** The SHA-256 of the image's CycloneDX SBOM, saved beside the node's log. */
    public static final String SBOM = "io.strata.sbom.sha256";

    private ImageLabels() {
    }

    /**
     * The labels of a node's image.
     *
     * @param node the node
     * @param image its repository
     * @param parentId the parent image's ID, or null for a root
     * @param from what it was built FROM
     * @param digest its input digest
     * @param tools the tool versions
     * @param source the sources' repository and commit
     */
    public static Map<String, String> of(NodeId node, String image, String parentId, String from, InputDigest digest,
            ToolVersions tools, SourceInfo source) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(NODE, node.toString());
        labels.put(LAYER, node.layer());
        labels.put(TYPE, node.type());
        labels.put(TITLE, image);
        labels.put(PARENT_ID, parentId == null ? "scratch" : parentId);
        labels.put(PARENT_REF, from);
        labels.put(INPUT_DIGEST, digest.value());
        labels.put(TOOLS, "strata " + tools.strata() + "; " + tools.buildah() + "; " + tools.ansible());
        if (source.repository() != null) {
            labels.put(SOURCE, source.repository());
        }
        if (source.revision() != null) {
            labels.put(REVISION, source.revision());
        }
        return labels;
    }
}
