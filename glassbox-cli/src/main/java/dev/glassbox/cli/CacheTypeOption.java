package dev.glassbox.cli;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.forward.KeyValueCache;
import java.util.Locale;

/**
 * {@code --kv-cache f16|f32}, shared by {@code generate} and {@code bench}. The default is f16, llama.cpp's
 * default cache type: half the memory, and the same rounding of keys and values as llama.cpp. f32 keeps
 * cached generation exactly equal to whole-sequence passes.
 */
final class CacheTypeOption {
    static final String DEFAULT = "f16";
    static final String DESCRIPTION = "key/value cache type: f16 (llama.cpp's default; half the memory) or f32 (exact)"
            + " (default: " + DEFAULT + ")";

    private CacheTypeOption() {}

    static KeyValueCache.Precision parse(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "f16" -> KeyValueCache.Precision.F16;
            case "f32" -> KeyValueCache.Precision.F32;
            default -> throw new InvalidInputException("--kv-cache " + text + ": use f16 or f32");
        };
    }
}
