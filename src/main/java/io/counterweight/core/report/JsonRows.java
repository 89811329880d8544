package io.counterweight.core.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.counterweight.core.experiment.ConfigJson;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A config or provenance record as two-column rows ("recipe.learning_rate", "0.01"), in the same snake_case
 * names as the JSON files, so what a reader sees in the report is what they find in the run folder.
 * Lists of plain values become one comma-separated cell.
 */
final class JsonRows {
    private JsonRows() { }

    static List<List<String>> of(Object value) {
        List<List<String>> rows = new ArrayList<>();
        if (value != null) add(rows, "", ConfigJson.mapper().valueToTree(value));
        return rows;
    }

    private static void add(List<List<String>> rows, String key, JsonNode node) {
        if (node.isObject()) {
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                add(rows, key.isEmpty() ? e.getKey() : key + "." + e.getKey(), e.getValue());
            }
        } else if (node.isArray()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode n : node) parts.add(n.isValueNode() ? n.asText() : n.toString());
            rows.add(List.of(key, String.join(", ", parts)));
        } else {
            rows.add(List.of(key, node.isNull() ? "—" : node.asText()));
        }
    }
}
