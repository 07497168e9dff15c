package io.strata.engine.impact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.strata.engine.graph.NodeId;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable impact (contract section 4) as plain maps and lists (safe to hand to a
 * Jenkins Pipeline) and as JSON text.
 */
public final class ImpactJson {

    /** The schema version written in every result. */
    public static final int SCHEMA_VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ImpactJson() {
    }

    /** The result as contract section 4 describes it. */
    public static Map<String, Object> toMap(ImpactResult result) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("schemaVersion", SCHEMA_VERSION);
        map.put("base", result.base());
        map.put("head", result.head());
        map.put("changedFiles", new ArrayList<>(result.changedFiles()));
        List<Object> rebuild = new ArrayList<>();
        for (NodeImpact impact : result.rebuild()) {
            rebuild.add(nodeMap(impact));
        }
        map.put("rebuild", rebuild);
        map.put("reuse", names(result.reuse()));
        return map;
    }

    /** One rebuilt node: node, layer, imageType, parent, start, reasons. */
    public static Map<String, Object> nodeMap(NodeImpact impact) {
        Map<String, Object> node = new LinkedHashMap<>();
        node.put("node", impact.node().toString());
        node.put("layer", impact.node().layer());
        node.put("imageType", impact.node().type());
        node.put("parent", impact.parent() == null ? null : impact.parent().toString());
        node.put("start", impact.start());
        node.put("reasons", reasons(impact.reasons()));
        return node;
    }

    /** Reasons as maps of kind, file, detail. */
    public static List<Object> reasons(List<Reason> reasons) {
        List<Object> list = new ArrayList<>();
        for (Reason reason : reasons) {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("kind", reason.kind());
            map.put("file", reason.file());
            map.put("detail", reason.detail());
            list.add(map);
        }
        return list;
    }

    /** Node names as strings. */
    public static List<Object> names(List<NodeId> ids) {
        List<Object> list = new ArrayList<>();
        ids.forEach(id -> list.add(id.toString()));
        return list;
    }

    /** The result as indented JSON. */
    public static String write(ImpactResult result) {
        return json(toMap(result));
    }

    /** Any plain map or list as indented JSON. */
    public static String json(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
