package io.strata.engine.impact;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.strata.engine.graph.NodeId;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The machine-readable impact (docs/layers-format.md section 4) as plain maps and lists (safe to hand to a
 * Jenkins Pipeline) and as JSON text.
 */
public final class ImpactJson {

    /** The schema version written in every result. */
    public static final int SCHEMA_VERSION = 1;

    private static final JsonFactory JSON = new JsonFactory();

    private ImpactJson() {
    }

    /** The result as docs/layers-format.md section 4 describes it. */
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

    /**
     * Any plain map or list (of maps, lists, strings, numbers, booleans and nulls) as indented
     * JSON. Written straight to Jackson's generator: a data binder would first work out how to
     * write each type, which costs a short run more than the writing.
     */
    public static String json(Object value) {
        StringWriter text = new StringWriter();
        try (JsonGenerator out = JSON.createGenerator(text).useDefaultPrettyPrinter()) {
            write(out, value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text + "\n";
    }

    private static void write(JsonGenerator out, Object value) throws IOException {
        if (value == null) {
            out.writeNull();
        } else if (value instanceof String string) {
            out.writeString(string);
        } else if (value instanceof Boolean bool) {
            out.writeBoolean(bool);
        } else if (value instanceof Integer || value instanceof Long) {
            out.writeNumber(((Number) value).longValue());
        } else if (value instanceof Double number) {
            out.writeNumber(number);
        } else if (value instanceof Map<?, ?> map) {
            out.writeStartObject();
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                out.writeFieldName(String.valueOf(entry.getKey()));
                write(out, entry.getValue());
            }
            out.writeEndObject();
        } else if (value instanceof Collection<?> items) {
            out.writeStartArray();
            for (Object item : items) {
                write(out, item);
            }
            out.writeEndArray();
        } else {
            throw new IllegalArgumentException("not a plain JSON value: " + value.getClass().getName());
        }
    }
}
