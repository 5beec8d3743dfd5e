package dev.glassbox.io.gguf;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.tensor.quant.GgmlType;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads and checks a GGUF header, field by field, before anything uses a field. Every read first checks
 * that the bytes are there, every count is checked against the bytes left before anything is allocated for
 * it, and every loop is bounded by such a count, so a corrupt file ends in a {@link MalformedFileException}
 * that names the field, never in an out-of-bounds error, a huge allocation or a hang.
 *
 * <pre>
 *   u32 magic "GGUF"   u32 version (3; 2 has the same layout)   u64 tensor_count   u64 kv_count
 *   kv_count x  { string key   u32 value_type   value }
 *   tensor_count x  { string name   u32 n_dims   u64 dims[n_dims]   u32 ggml_type   u64 offset }
 *   padding to the alignment (general.alignment, default 32), then the tensor data
 *   string = u64 length + UTF-8 bytes;   array value = u32 element_type + u64 count + elements
 * </pre>
 */
final class GgufParser {
    static final int MAGIC = 0x46554747; // "GGUF" read little-endian
    static final int DEFAULT_ALIGNMENT = 32;
    /** ggml's GGML_MAX_DIMS. */
    static final int MAX_DIMS = 4;
    /** ggml's GGML_MAX_NAME: names are stored in 64 bytes including the terminating zero. */
    static final int MAX_NAME_BYTES = 63;
    static final String ALIGNMENT_KEY = "general.alignment";
    /** Longest metadata string read (a whole Hugging Face tokenizer.json is a few MiB). */
    static final long MAX_STRING_BYTES = 256L << 20;
    /** Most UTF-8 bytes of all the elements of one string array together: they are packed into one byte[]. */
    static final int MAX_STRING_ARRAY_BYTES = Integer.MAX_VALUE - 8;

    private static final ValueLayout.OfInt U32 = ValueLayout.JAVA_INT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfLong U64 = ValueLayout.JAVA_LONG_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfShort U16 = ValueLayout.JAVA_SHORT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfFloat F32 = ValueLayout.JAVA_FLOAT_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);
    private static final ValueLayout.OfDouble F64 = ValueLayout.JAVA_DOUBLE_UNALIGNED.withOrder(ByteOrder.LITTLE_ENDIAN);

    /** What a parse yields: everything in the header, checked. */
    record Header(int version, int alignment, GgufMetadata metadata, List<GgufTensorInfo> tensors, long dataOffset) {}

    private final Path file;
    private final MemorySegment bytes;
    private final long size;
    private long pos;

    private GgufParser(Path file, MemorySegment bytes) {
        this.file = file;
        this.bytes = bytes;
        this.size = bytes.byteSize();
    }

    static Header parse(Path file, MemorySegment bytes) {
        return new GgufParser(file, bytes).header();
    }

    private Header header() {
        if (size < 24) {
            throw bad("the file is " + size + " bytes, too short for a GGUF header (24 bytes); it is truncated or not a GGUF file");
        }
        int magic = u32("magic");
        if (magic != MAGIC) {
            throw bad("not a GGUF file: it starts with " + hex(0, 4) + " where GGUF files start with 47 47 55 46 (\"GGUF\")");
        }
        int version = u32("version");
        if (version == 1) {
            throw bad("GGUF version 1 is not supported (it used 32-bit counts); convert the model again with a current llama.cpp");
        }
        if (version == Integer.reverseBytes(3) || version == Integer.reverseBytes(2)) {
            throw bad("this is a big-endian GGUF file (version " + Integer.reverseBytes(version)
                    + " stored byte-swapped); Glassbox reads little-endian GGUF only");
        }
        if (version != 2 && version != 3) {
            throw bad("unsupported GGUF version " + Integer.toUnsignedString(version) + "; Glassbox reads versions 2 and 3");
        }
        long tensorCount = u64("tensor count");
        long kvCount = u64("metadata key-value count");
        // Smallest entries: a tensor info is a name length (8), n_dims (4), one dim (8), type (4), offset (8);
        // a key-value is a key length (8), a type (4) and a one-byte value.
        long left = size - pos;
        if (tensorCount < 0 || tensorCount > left / 32) {
            throw bad("tensor count " + Long.toUnsignedString(tensorCount) + " cannot fit in the " + left
                    + " bytes after the header; the header is corrupt");
        }
        if (kvCount < 0 || kvCount > left / 13) {
            throw bad("metadata key-value count " + Long.toUnsignedString(kvCount) + " cannot fit in the " + left
                    + " bytes after the header; the header is corrupt");
        }

        Map<String, GgufValue> metadata = new LinkedHashMap<>();
        for (long i = 0; i < kvCount; i++) {
            String key = string("key of metadata entry " + i);
            if (metadata.containsKey(key)) throw bad("metadata key '" + key + "' appears twice");
            int typeId = u32("value type of '" + key + "'");
            GgufValueType type = GgufValueType.byId(Integer.toUnsignedLong(typeId)).orElseThrow(() -> bad(
                    "metadata '" + key + "' has unknown value type " + Integer.toUnsignedString(typeId)
                            + " (GGUF defines 0 to 12)"));
            metadata.put(key, value(key, type));
        }
        int alignment = alignment(metadata.get(ALIGNMENT_KEY));

        List<GgufTensorInfo> infos = new ArrayList<>(); // not presized: the count is only known to fit the file
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            infos.add(tensorInfo(i, names, alignment));
        }
        long dataOffset = infos.isEmpty() ? Math.min(align(pos, alignment), size) : align(pos, alignment);
        if (dataOffset > size) {
            throw bad("the tensor data should start at byte " + dataOffset + " but the file has " + size
                    + " bytes; it is truncated");
        }
        long dataSize = size - dataOffset;
        for (GgufTensorInfo t : infos) {
            if (t.offset() > dataSize || t.byteSize() > dataSize - t.offset()) {
                throw bad("tensor '" + t.name() + "' (" + t.type() + " " + Arrays.toString(t.shape()) + ", " + t.byteSize()
                        + " bytes at data offset " + t.offset() + ") reaches past the " + dataSize
                        + " bytes of tensor data; the file is truncated or its header is wrong: download or convert it again");
            }
        }
        checkNoOverlap(infos);
        return new Header(version, alignment, new GgufMetadata(file, metadata), List.copyOf(infos), dataOffset);
    }

    private int alignment(GgufValue value) {
        if (value == null) return DEFAULT_ALIGNMENT;
        if (value.type() != GgufValueType.UINT32) {
            throw bad("'" + ALIGNMENT_KEY + "' must be a UINT32, but is " + value.typeName());
        }
        long a = value.asLong();
        if (a == 0 || (a & (a - 1)) != 0 || a > (1 << 30)) {
            throw bad("'" + ALIGNMENT_KEY + "' is " + a + "; it must be a power of two (32 unless a file says otherwise)");
        }
        return (int) a;
    }

    private GgufTensorInfo tensorInfo(long index, Set<String> names, int alignment) {
        String name = string("name of tensor " + index);
        int nameBytes = name.getBytes(StandardCharsets.UTF_8).length;
        if (nameBytes > MAX_NAME_BYTES) {
            throw bad("tensor " + index + " has a name of " + nameBytes + " bytes (\"" + name.substring(0, Math.min(40, name.length()))
                    + "...\"); ggml allows at most " + MAX_NAME_BYTES);
        }
        if (!names.add(name)) throw bad("tensor name '" + name + "' appears twice");
        int nDims = u32("dimension count of tensor '" + name + "'");
        if (nDims < 1 || nDims > MAX_DIMS) {
            throw bad("tensor '" + name + "' has " + Integer.toUnsignedString(nDims) + " dimensions; ggml tensors have 1 to " + MAX_DIMS);
        }
        long[] dims = new long[nDims];
        long elements = 1;
        for (int d = 0; d < nDims; d++) {
            dims[d] = u64("dimension " + d + " of tensor '" + name + "'");
            if (dims[d] <= 0) {
                throw bad("tensor '" + name + "' has dimension " + d + " = " + Long.toUnsignedString(dims[d])
                        + "; dimensions must be positive and below 2^63");
            }
            if (elements > Long.MAX_VALUE / dims[d]) {
                throw bad("tensor '" + name + "' has dimensions " + unsigned(dims, d + 1) + ", too many elements to address");
            }
            elements *= dims[d];
        }
        int typeId = u32("type of tensor '" + name + "'");
        GgmlType type = GgmlType.byId(Integer.toUnsignedLong(typeId)).orElseThrow(() -> bad("tensor '" + name
                + "' has unknown ggml type id " + Integer.toUnsignedString(typeId) + " (Glassbox knows ids 0-30, 34, 35, 39;"
                + " a newer llama.cpp may have written it)"));
        if (dims[0] % type.blockSize() != 0) {
            throw bad("tensor '" + name + "' is " + type + ", which stores blocks of " + type.blockSize()
                    + " values, but its rows have " + dims[0] + " values (dims " + Arrays.toString(dims) + ")");
        }
        long byteSize = type.byteSize(elements);
        if (byteSize < 0) throw bad("tensor '" + name + "' (" + type + ", dims " + Arrays.toString(dims) + ") is too large to address");
        long offset = u64("data offset of tensor '" + name + "'");
        if (offset < 0) throw bad("tensor '" + name + "' has data offset " + Long.toUnsignedString(offset) + ", past any file");
        if (offset % alignment != 0) {
            throw bad("tensor '" + name + "' has data offset " + offset + ", which is not a multiple of the alignment " + alignment);
        }
        return new GgufTensorInfo(name, type, dims, offset, byteSize);
    }

    private void checkNoOverlap(List<GgufTensorInfo> infos) {
        List<GgufTensorInfo> byOffset = infos.stream().sorted(Comparator.comparingLong(GgufTensorInfo::offset)).toList();
        for (int i = 1; i < byOffset.size(); i++) {
            GgufTensorInfo a = byOffset.get(i - 1), b = byOffset.get(i);
            if (b.offset() < a.offset() + a.byteSize()) {
                throw bad("tensors '" + a.name() + "' [" + a.offset() + ", " + (a.offset() + a.byteSize()) + ") and '" + b.name()
                        + "' [" + b.offset() + ", " + (b.offset() + b.byteSize()) + ") overlap in the data section; the header is corrupt");
            }
        }
    }

    private GgufValue value(String key, GgufValueType type) {
        if (type == GgufValueType.ARRAY) return array(key);
        return GgufValue.ofReadScalar(type, scalar(type, "value of '" + key + "'"));
    }

    private Object scalar(GgufValueType type, String what) {
        return switch (type) {
            case UINT8, INT8 -> u8(what);
            case UINT16, INT16 -> {
                need(2, what);
                short v = bytes.get(U16, pos);
                pos += 2;
                yield v;
            }
            case UINT32, INT32 -> u32(what);
            case UINT64, INT64 -> u64(what);
            case FLOAT32 -> {
                need(4, what);
                float v = bytes.get(F32, pos);
                pos += 4;
                yield v;
            }
            case FLOAT64 -> {
                need(8, what);
                double v = bytes.get(F64, pos);
                pos += 8;
                yield v;
            }
            case BOOL -> {
                byte b = u8(what);
                if (b != 0 && b != 1) throw bad(what + " is a BOOL holding " + (b & 0xFF) + "; only 0 and 1 are booleans");
                yield b == 1;
            }
            case STRING -> string(what);
            case ARRAY -> throw new IllegalStateException("arrays are read by array()");
        };
    }

    private GgufValue array(String key) {
        int typeId = u32("element type of '" + key + "'");
        GgufValueType element = GgufValueType.byId(Integer.toUnsignedLong(typeId)).orElseThrow(() -> bad(
                "metadata '" + key + "' is an array of unknown value type " + Integer.toUnsignedString(typeId)));
        if (element == GgufValueType.ARRAY) {
            throw bad("metadata '" + key + "' is an array of arrays, which Glassbox (like llama.cpp) does not read");
        }
        long count = u64("length of array '" + key + "'");
        long left = size - pos;
        if (count < 0 || count > left / element.minimumBytes() || count > Integer.MAX_VALUE - 8) {
            throw bad("array '" + key + "' claims " + Long.toUnsignedString(count) + " elements of " + element + ", but only "
                    + left + " bytes are left in the file");
        }
        int n = (int) count;
        String what = "element of array '" + key + "'";
        if (element == GgufValueType.STRING) return GgufValue.ofReadStrings(strings(key, n, what));
        Object out = java.lang.reflect.Array.newInstance(GgufValue.javaArrayClass(element).getComponentType(), n);
        switch (element) {
            case UINT8, INT8 -> {
                MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, pos, (byte[]) out, 0, n);
                pos += n;
            }
            case UINT16, INT16 -> {
                MemorySegment.copy(bytes, U16, pos, (short[]) out, 0, n);
                pos += 2L * n;
            }
            case UINT32, INT32 -> {
                MemorySegment.copy(bytes, U32, pos, (int[]) out, 0, n);
                pos += 4L * n;
            }
            case UINT64, INT64 -> {
                MemorySegment.copy(bytes, U64, pos, (long[]) out, 0, n);
                pos += 8L * n;
            }
            case FLOAT32 -> {
                MemorySegment.copy(bytes, F32, pos, (float[]) out, 0, n);
                pos += 4L * n;
            }
            case FLOAT64 -> {
                MemorySegment.copy(bytes, F64, pos, (double[]) out, 0, n);
                pos += 8L * n;
            }
            case BOOL -> {
                boolean[] b = (boolean[]) out;
                for (int i = 0; i < n; i++) b[i] = (Boolean) scalar(GgufValueType.BOOL, what);
            }
            case STRING, ARRAY -> throw new IllegalStateException("handled above");
        }
        return GgufValue.ofReadArray(element, out);
    }

    /**
     * The n strings of an array, packed. A first pass checks each length as {@link #string} does and sums them,
     * so that a second can copy every element's bytes into one byte[] of the exact size.
     */
    private PackedStrings strings(String key, int n, String what) {
        long start = pos;
        int[] offsets = new int[n + 1];
        for (int i = 0; i < n; i++) {
            int length = stringLength(what + " at index " + i);
            if (length > MAX_STRING_ARRAY_BYTES - offsets[i]) {
                throw bad("the strings of array '" + key + "' hold more than " + MAX_STRING_ARRAY_BYTES
                        + " bytes in all (passed at index " + i + "); Glassbox reads string arrays of up to that many bytes");
            }
            offsets[i + 1] = offsets[i] + length;
            pos += length;
        }
        byte[] utf8 = new byte[offsets[n]];
        for (int i = 0; i < n; i++) {
            long from = start + 8L * (i + 1) + offsets[i]; // past i + 1 length fields and the i strings before
            MemorySegment.copy(bytes, ValueLayout.JAVA_BYTE, from, utf8, offsets[i], offsets[i + 1] - offsets[i]);
        }
        return new PackedStrings(utf8, offsets);
    }

    private String string(String what) {
        int length = stringLength(what);
        byte[] utf8 = bytes.asSlice(pos, length).toArray(ValueLayout.JAVA_BYTE);
        pos += length;
        return new String(utf8, StandardCharsets.UTF_8);
    }

    /** Reads a string's length field and checks that the bytes are there and no more than MAX_STRING_BYTES. */
    private int stringLength(String what) {
        long length = u64("length of the " + what);
        if (length < 0 || length > size - pos) {
            throw bad("the " + what + " claims " + Long.toUnsignedString(length) + " bytes, but only " + (size - pos)
                    + " are left in the file; the file is truncated or corrupt");
        }
        if (length > MAX_STRING_BYTES) {
            throw bad("the " + what + " is " + length + " bytes long; Glassbox reads strings of up to " + MAX_STRING_BYTES + " bytes");
        }
        return (int) length;
    }

    private byte u8(String what) {
        need(1, what);
        return bytes.get(ValueLayout.JAVA_BYTE, pos++);
    }

    private int u32(String what) {
        need(4, what);
        int v = bytes.get(U32, pos);
        pos += 4;
        return v;
    }

    private long u64(String what) {
        need(8, what);
        long v = bytes.get(U64, pos);
        pos += 8;
        return v;
    }

    private void need(long n, String what) {
        if (size - pos < n) {
            throw bad("the file ends at byte " + size + " inside the " + what + "; it is truncated");
        }
    }

    static long align(long offset, int alignment) {
        long rest = offset % alignment;
        return rest == 0 ? offset : offset + (alignment - rest);
    }

    private String hex(long from, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n && from + i < size; i++) {
            if (i > 0) sb.append(' ');
            sb.append(String.format("%02x", bytes.get(ValueLayout.JAVA_BYTE, from + i) & 0xFF));
        }
        return sb.toString();
    }

    private static String unsigned(long[] dims, int n) {
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < n; i++) sb.append(i > 0 ? ", " : "").append(Long.toUnsignedString(dims[i]));
        return sb.append("]").toString();
    }

    private MalformedFileException bad(String what) {
        return new MalformedFileException(file, "invalid GGUF: " + what);
    }
}
