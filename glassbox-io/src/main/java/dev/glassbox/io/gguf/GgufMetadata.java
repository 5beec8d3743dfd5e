package dev.glassbox.io.gguf;

import dev.glassbox.core.MalformedFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The key-value metadata of a GGUF file, in file order, with typed getters whose errors name the file and
 * the key: a missing required key or a value of the wrong type is a {@link MalformedFileException}.
 * Integer getters accept any integer type that holds the value (files differ: llama.cpp writes most counts
 * as UINT32, some converters INT32 or UINT64).
 */
public final class GgufMetadata {
    private final Path file;
    private final Map<String, GgufValue> values;

    public GgufMetadata(Path file, Map<String, GgufValue> values) {
        this.file = file;
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Path file() {
        return file;
    }

    /** Every entry, in file order. */
    public Map<String, GgufValue> asMap() {
        return values;
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    public Optional<GgufValue> get(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public GgufValue require(String key) {
        GgufValue v = values.get(key);
        if (v == null) throw new MalformedFileException(file, "GGUF metadata has no key '" + key + "'");
        return v;
    }

    public String string(String key) {
        GgufValue v = require(key);
        if (v.type() != GgufValueType.STRING) throw wrongType(key, v, "a string");
        return v.asString();
    }

    public Optional<String> optionalString(String key) {
        return contains(key) ? Optional.of(string(key)) : Optional.empty();
    }

    /** An integer of any integer type that fits an int. */
    public int integer(String key) {
        GgufValue v = require(key);
        long n;
        try {
            if (!v.type().isInteger()) throw wrongType(key, v, "an integer");
            n = v.asLong();
        } catch (ArithmeticException e) {
            n = -1;
        }
        if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE || (v.type().isUnsigned() && n < 0)) {
            throw new MalformedFileException(file, "GGUF metadata '" + key + "' is " + v.describe(0)
                    + ", too large for Glassbox (at most " + Integer.MAX_VALUE + ")");
        }
        return (int) n;
    }

    public Optional<Integer> optionalInteger(String key) {
        return contains(key) ? Optional.of(integer(key)) : Optional.empty();
    }

    /** A FLOAT32 or FLOAT64 (integers are accepted too). */
    public float number(String key) {
        GgufValue v = require(key);
        if (v.type() != GgufValueType.FLOAT32 && v.type() != GgufValueType.FLOAT64 && !v.type().isInteger()) {
            throw wrongType(key, v, "a number");
        }
        return (float) v.asDouble();
    }

    public Optional<Float> optionalNumber(String key) {
        return contains(key) ? Optional.of(number(key)) : Optional.empty();
    }

    private MalformedFileException wrongType(String key, GgufValue v, String wanted) {
        return new MalformedFileException(file, "GGUF metadata '" + key + "' should be " + wanted + " but is "
                + v.typeName() + " " + v.describe(3));
    }
}
