package dev.glassbox.io.safetensors;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.glassbox.core.MalformedFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The JSON header of a safetensors file, every field checked before anything uses it:
 * <pre>
 *   { "__metadata__": {"key": "value", ...},                       optional, strings only
 *     "name": {"dtype": "F32", "shape": [2, 3], "data_offsets": [begin, end]}, ... }
 * </pre>
 * Offsets count from the start of the data section; each tensor's byte range must lie inside it, hold
 * exactly (product of shape) * (dtype width) bytes, and overlap no other tensor's.
 */
public record SafetensorsHeader(Map<String, String> metadata, List<TensorInfo> tensors) {
    static final String METADATA_KEY = "__metadata__";

    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    public SafetensorsHeader {
        metadata = Map.copyOf(metadata);
        tensors = List.copyOf(tensors);
    }

    /**
     * @param json the header bytes (UTF-8 JSON, possibly padded with spaces)
     * @param dataSize the bytes after the header, where the tensors live
     * @throws MalformedFileException naming the field that is wrong
     */
    static SafetensorsHeader parse(Path file, byte[] json, long dataSize) {
        return new Parser(file, dataSize).parse(json);
    }

    private record Parser(Path file, long dataSize) {

        SafetensorsHeader parse(byte[] json) {
            JsonNode root;
            try {
                root = JSON.readTree(json);
            } catch (JacksonException e) {
                throw bad("not valid JSON (" + e.getOriginalMessage() + "); the file is corrupt or not a safetensors file");
            } catch (java.io.IOException e) {
                throw bad("not readable as JSON (" + e.getMessage() + ")");
            }
            if (root == null || !root.isObject()) {
                throw bad("must be a JSON object of tensor entries, but it is "
                        + (root == null ? "empty" : root.getNodeType().toString().toLowerCase(Locale.ROOT)));
            }
            Map<String, String> metadata = new LinkedHashMap<>();
            List<TensorInfo> tensors = new ArrayList<>();
            for (Map.Entry<String, JsonNode> entry : root.properties()) {
                if (entry.getKey().equals(METADATA_KEY)) {
                    metadata = metadata(entry.getValue());
                } else {
                    tensors.add(tensor(entry.getKey(), entry.getValue()));
                }
            }
            checkNoOverlap(tensors);
            return new SafetensorsHeader(metadata, tensors);
        }

        private Map<String, String> metadata(JsonNode node) {
            if (!node.isObject()) throw bad("'__metadata__' must be an object of strings, but it is " + kind(node));
            Map<String, String> metadata = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (!e.getValue().isTextual()) {
                    throw bad("'__metadata__." + e.getKey() + "' must be a string, but it is " + kind(e.getValue()));
                }
                metadata.put(e.getKey(), e.getValue().asText());
            }
            return metadata;
        }

        private TensorInfo tensor(String name, JsonNode node) {
            if (!node.isObject()) throw bad("tensor '" + name + "' must be an object, but it is " + kind(node));
            Dtype dtype = dtype(name, node.get("dtype"));
            long[] shape = integers(name, "shape", node.get("shape"), -1);
            long[] offsets = integers(name, "data_offsets", node.get("data_offsets"), 2);
            long begin = offsets[0], end = offsets[1];
            if (begin > end) {
                throw bad("'" + name + ".data_offsets' " + Arrays.toString(offsets) + " ends before it begins");
            }
            if (end > dataSize) {
                throw bad("'" + name + ".data_offsets' " + Arrays.toString(offsets) + " reaches past the " + dataSize
                        + " bytes of tensor data; the file is truncated or its header is wrong: download or export it again");
            }
            long expected = byteCount(name, shape, dtype);
            if (expected != end - begin) {
                throw bad("'" + name + "' has shape " + Arrays.toString(shape) + " of " + dtype + ", which is "
                        + expected + " bytes, but its data_offsets " + Arrays.toString(offsets) + " span " + (end - begin));
            }
            return new TensorInfo(name, dtype, shape, begin, end);
        }

        private Dtype dtype(String name, JsonNode node) {
            if (node == null || !node.isTextual()) {
                throw bad("tensor '" + name + "' needs a string 'dtype', but it is " + kind(node));
            }
            return Dtype.named(node.asText()).orElseThrow(() -> bad("tensor '" + name + "' has unknown dtype '"
                    + node.asText() + "'; known dtypes are " + Arrays.toString(Dtype.values())));
        }

        /** An array of non-negative integers, of {@code length} elements unless it is -1. */
        private long[] integers(String name, String field, JsonNode node, int length) {
            String what = "'" + name + "." + field + "'";
            if (node == null || !node.isArray()) {
                throw bad("tensor '" + name + "' needs an array '" + field + "', but it is " + kind(node));
            }
            if (length >= 0 && node.size() != length) {
                throw bad(what + " must have " + length + " entries, but has " + node.size());
            }
            long[] values = new long[node.size()];
            for (int i = 0; i < values.length; i++) {
                JsonNode v = node.get(i);
                if (!v.isIntegralNumber() || !v.canConvertToLong() || v.asLong() < 0) {
                    throw bad(what + " must hold non-negative integers, but entry " + i + " is " + v);
                }
                values[i] = v.asLong();
            }
            return values;
        }

        private long byteCount(String name, long[] shape, Dtype dtype) {
            try {
                long bytes = dtype.bytes();
                for (long d : shape) bytes = Math.multiplyExact(bytes, d);
                return bytes;
            } catch (ArithmeticException e) {
                throw bad("'" + name + ".shape' " + Arrays.toString(shape) + " is too large to address");
            }
        }

        private void checkNoOverlap(List<TensorInfo> tensors) {
            List<TensorInfo> byStart = tensors.stream()
                    .filter(t -> t.byteSize() > 0)
                    .sorted(Comparator.comparingLong(TensorInfo::begin))
                    .toList();
            for (int i = 1; i < byStart.size(); i++) {
                TensorInfo previous = byStart.get(i - 1), current = byStart.get(i);
                if (current.begin() < previous.end()) {
                    throw bad("tensors '" + previous.name() + "' [" + previous.begin() + ", " + previous.end()
                            + ") and '" + current.name() + "' [" + current.begin() + ", " + current.end()
                            + ") overlap in data_offsets; the header is corrupt");
                }
            }
        }

        private static String kind(JsonNode node) {
            return node == null ? "missing" : node.getNodeType().toString().toLowerCase(Locale.ROOT);
        }

        private MalformedFileException bad(String what) {
            return new MalformedFileException(file, "invalid safetensors header: " + what);
        }
    }
}
