package dev.glassbox.io.safetensors;

import java.util.Arrays;
import java.util.Optional;

/** The element types a safetensors header may name, with their width in bytes. */
public enum Dtype {
    F64(8), F32(4), F16(2), BF16(2), F8_E4M3(1), F8_E5M2(1),
    I64(8), I32(4), I16(2), I8(1), U64(8), U32(4), U16(2), U8(1), BOOL(1);

    private final int bytes;

    Dtype(int bytes) {
        this.bytes = bytes;
    }

    public int bytes() {
        return bytes;
    }

    /** Whether {@link SafetensorsFile#readFloats} can convert it. */
    public boolean convertsToFloat() {
        return this == F32 || this == F16 || this == BF16;
    }

    static Optional<Dtype> named(String name) {
        return Arrays.stream(values()).filter(d -> d.name().equals(name)).findFirst();
    }
}
