package dev.glassbox.model.file;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.core.MalformedFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads typed fields out of a model file's JSON metadata; every missing or mistyped field becomes a
 * {@link MalformedFileException} naming the file and the field.
 */
final class MetadataReader {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Path file;
    private String section = "";

    MetadataReader(Path file) {
        this.file = file;
    }

    /** Parses the JSON under {@code key} of the safetensors metadata. */
    JsonNode json(Map<String, String> metadata, String key) {
        section = key;
        String text = metadata.get(key);
        if (text == null) {
            throw new MalformedFileException(file, "metadata key '" + key + "' is missing; this is not a Glassbox model file "
                    + "(write one with 'glassbox compile ... -o FILE')");
        }
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new MalformedFileException(file, "metadata key '" + key + "' is not valid JSON: " + e.getOriginalMessage());
        }
    }

    MalformedFileException error(String field, String problem) {
        return new MalformedFileException(file, "metadata field " + field + ": " + problem);
    }

    private JsonNode field(JsonNode o, String name) {
        JsonNode n = o == null ? null : o.get(name);
        if (n == null || n.isMissingNode()) throw error(section + "." + name, "missing");
        return n;
    }

    JsonNode object(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isObject()) throw error(section + "." + name, "expected an object");
        return n;
    }

    String text(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isTextual()) throw error(section + "." + name, "expected a string, found " + n);
        return n.textValue();
    }

    int integer(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.canConvertToExactIntegral() || !n.canConvertToInt()) throw error(section + "." + name, "expected an integer, found " + n);
        return n.intValue();
    }

    float number(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isNumber()) throw error(section + "." + name, "expected a number, found " + n);
        return n.floatValue();
    }

    boolean bool(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isBoolean()) throw error(section + "." + name, "expected true or false, found " + n);
        return n.booleanValue();
    }

    <E extends Enum<E>> E enumValue(JsonNode o, String name, Class<E> type) {
        String value = text(o, name);
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(section + "." + name, "unknown value '" + value + "'");
        }
    }

    List<String> strings(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isArray()) throw error(section + "." + name, "expected a list of strings");
        List<String> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.isTextual()) throw error(section + "." + name, "expected a list of strings, found " + x);
            out.add(x.textValue());
        }
        return out;
    }

    List<Integer> integers(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isArray()) throw error(section + "." + name, "expected a list of integers");
        List<Integer> out = new ArrayList<>();
        for (JsonNode x : n) {
            if (!x.canConvertToExactIntegral()) throw error(section + "." + name, "expected a list of integers, found " + x);
            out.add(x.intValue());
        }
        return out;
    }

    /** A list of RASP values: strings, numbers, booleans, null, or lists of these (tuples). */
    List<Object> values(JsonNode o, String name) {
        JsonNode n = field(o, name);
        if (!n.isArray()) throw error(section + "." + name, "expected a list of values");
        List<Object> out = new ArrayList<>();
        for (JsonNode x : n) out.add(value(x, section + "." + name));
        return out;
    }

    private Object value(JsonNode x, String where) {
        if (x.isNull()) return null;
        if (x.isBoolean()) return x.booleanValue();
        if (x.isInt()) return x.intValue();
        if (x.isNumber()) return x.doubleValue();
        if (x.isTextual()) return x.textValue();
        if (x.isArray()) {
            List<Object> tuple = new ArrayList<>();
            for (JsonNode e : x) tuple.add(value(e, where));
            return java.util.Collections.unmodifiableList(tuple);
        }
        throw error(where, "unsupported value " + x);
    }
}
