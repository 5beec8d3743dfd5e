package dev.glassbox.cli;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.io.gguf.GgufFile;
import dev.glassbox.io.gguf.GgufTensorInfo;
import dev.glassbox.io.gguf.GgufValue;
import dev.glassbox.io.llama2c.Llama2cCheckpoint;
import dev.glassbox.io.llama2c.Llama2cHeader;
import dev.glassbox.io.safetensors.SafetensorsFile;
import dev.glassbox.io.safetensors.TensorInfo;
import dev.glassbox.model.TransformerConfig;
import dev.glassbox.model.arch.GgufArchitecture;
import dev.glassbox.model.llama2c.Llama2cTransformers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Describes a model file without running it: format, architecture and hyper-parameters, metadata (long
 * arrays and strings abbreviated), every tensor with its type, shape and size. Reads GGUF, safetensors
 * and llama2.c checkpoints, telling them apart by their first bytes.
 */
@Command(name = "inspect", description = "Describe a model file (GGUF, safetensors or llama2.c .bin): architecture,"
        + " hyper-parameters, metadata and tensors.")
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = "a .gguf, .safetensors or llama2.c .bin file")
    Path file;

    @Option(names = "--items", paramLabel = "N", defaultValue = "8",
            description = "array elements shown per metadata value (default: ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--no-tensors", description = "leave out the tensor list")
    boolean noTensors;

    private PrintWriter out;

    @Override
    public Integer call() {
        out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) throw new GlassboxException(file + " is not a file");
        if (items < 0) throw new GlassboxException("--items must be 0 or more, got " + items);
        switch (format(file)) {
            case GGUF -> gguf();
            case SAFETENSORS -> safetensors();
            case LLAMA2C -> llama2c();
        }
        out.flush();
        return 0;
    }

    enum Format { GGUF, SAFETENSORS, LLAMA2C }

    /** GGUF by its magic; safetensors by a plausible header length followed by '{'; anything else llama2.c. */
    static Format format(Path path) {
        if (GgufFile.looksLikeGguf(path)) return Format.GGUF;
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            ByteBuffer head = ByteBuffer.allocate(9).order(ByteOrder.LITTLE_ENDIAN);
            while (head.hasRemaining() && channel.read(head) >= 0) {}
            if (!head.hasRemaining()) {
                long length = head.getLong(0);
                if (length > 0 && length <= channel.size() - 8 && head.get(8) == '{') return Format.SAFETENSORS;
            }
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + path + ": " + e.getMessage(), e);
        }
        return Format.LLAMA2C;
    }

    private void gguf() {
        try (GgufFile gguf = GgufFile.open(file)) {
            out.printf(Locale.ROOT, "file: %s%n", file);
            out.printf(Locale.ROOT, "format: GGUF v%d, %s, alignment %d, tensor data from byte %d%n", gguf.version(),
                    size(gguf.fileSize()), gguf.alignment(), gguf.dataOffset());
            String arch = gguf.metadata().get(GgufArchitecture.ARCHITECTURE_KEY).filter(v -> !v.isArray())
                    .map(v -> v.describe(0)).orElse("(no general.architecture)");
            out.printf(Locale.ROOT, "architecture: %s%n", arch.replace("\"", ""));
            try {
                out.printf(Locale.ROOT, "hyper-parameters: %s%n", describe(GgufArchitecture.config(gguf)));
            } catch (GlassboxException e) {
                out.printf(Locale.ROOT, "hyper-parameters: not runnable by Glassbox: %s%n", e.getMessage());
            }
            StringBuilder types = new StringBuilder();
            gguf.typeCounts().forEach((t, n) -> types.append(types.isEmpty() ? "" : ", ").append(t).append(" x").append(n));
            out.printf(Locale.ROOT, "tensor types: %s%n", types.isEmpty() ? "(none)" : types);
            Map<String, GgufValue> metadata = gguf.metadata().asMap();
            out.printf(Locale.ROOT, "metadata (%d keys):%n", metadata.size());
            metadata.forEach((k, v) -> out.printf(Locale.ROOT, "  %s = %s %s%n", k, v.typeName(), v.describe(items)));
            if (!noTensors) {
                long bytes = gguf.tensors().stream().mapToLong(GgufTensorInfo::byteSize).sum();
                out.printf(Locale.ROOT, "tensors (%d, %s; shapes outermost first, as [rows, cols]):%n", gguf.tensors().size(), size(bytes));
                List<String[]> rows = new ArrayList<>();
                for (GgufTensorInfo t : gguf.tensors()) {
                    rows.add(new String[] {t.name(), t.type().name(), Arrays.toString(t.shape()), size(t.byteSize())});
                }
                table(rows);
            }
        }
    }

    private void safetensors() {
        try (SafetensorsFile st = SafetensorsFile.open(file)) {
            out.printf(Locale.ROOT, "file: %s%n", file);
            out.printf(Locale.ROOT, "format: safetensors, %s%n", size(Files.size(file)));
            Map<String, String> metadata = st.metadata();
            out.printf(Locale.ROOT, "metadata (%d keys):%n", metadata.size());
            metadata.entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(e -> out.printf(Locale.ROOT, "  %s = %s%n", e.getKey(), abbreviate(e.getValue())));
            if (!noTensors) {
                long bytes = st.tensors().stream().mapToLong(TensorInfo::byteSize).sum();
                out.printf(Locale.ROOT, "tensors (%d, %s):%n", st.tensors().size(), size(bytes));
                List<String[]> rows = new ArrayList<>();
                for (TensorInfo t : st.tensors()) {
                    rows.add(new String[] {t.name(), t.dtype().name(), Arrays.toString(t.shape()), size(t.byteSize())});
                }
                table(rows);
            }
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private void llama2c() {
        Llama2cHeader h = Llama2cCheckpoint.readHeader(file);
        TransformerConfig config = Llama2cTransformers.config(h);
        out.printf(Locale.ROOT, "file: %s%n", file);
        try {
            out.printf(Locale.ROOT, "format: llama2.c checkpoint (legacy .bin, float32), %s%n", size(Files.size(file)));
        } catch (IOException e) {
            throw new GlassboxException("cannot read " + file + ": " + e.getMessage(), e);
        }
        out.printf(Locale.ROOT, "architecture: llama%n");
        out.printf(Locale.ROOT, "hyper-parameters: %s%n", describe(config));
        out.printf(Locale.ROOT, "header: dim %d, hidden_dim %d, n_layers %d, n_heads %d, n_kv_heads %d, vocab_size %d (%s), seq_len %d%n",
                h.dim(), h.hiddenDim(), h.nLayers(), h.nHeads(), h.nKvHeads(), h.vocabSize(),
                h.sharedClassifier() ? "classifier shared with the embedding" : "separate classifier", h.seqLen());
        if (!noTensors) {
            int d = h.dim(), kv = h.kvDim(), hid = h.hiddenDim(), l = h.nLayers();
            List<String[]> rows = new ArrayList<>();
            rows.add(row("token_embedding_table", h.vocabSize(), d));
            rows.add(row("rms_att_weight", l, d));
            rows.add(row("wq", l, d, d));
            rows.add(row("wk", l, kv, d));
            rows.add(row("wv", l, kv, d));
            rows.add(row("wo", l, d, d));
            rows.add(row("rms_ffn_weight", l, d));
            rows.add(row("w1", l, hid, d));
            rows.add(row("w2", l, d, hid));
            rows.add(row("w3", l, hid, d));
            rows.add(row("rms_final_weight", d));
            if (!h.sharedClassifier()) rows.add(row("wcls", h.vocabSize(), d));
            out.printf(Locale.ROOT, "tensors (float32, in file order; the RoPE tables after rms_final_weight are skipped):%n");
            table(rows);
        }
    }

    private static String[] row(String name, long... shape) {
        long n = 4;
        for (long s : shape) n *= s;
        return new String[] {name, "F32", Arrays.toString(shape), size(n)};
    }

    static String describe(TransformerConfig c) {
        String rope = switch (c.positions()) {
            case ROPE_INTERLEAVED -> ", RoPE on adjacent pairs, theta " + number(c.ropeTheta());
            case ROPE_HALF -> ", RoPE on (i, i + d_head/2) pairs, theta " + number(c.ropeTheta());
            case LEARNED -> ", learned positions";
            case NONE -> "";
        };
        StringBuilder sb = new StringBuilder(String.format(Locale.ROOT,
                "d_model %d, %d layers, %d heads (%d key/value) of %d, d_mlp %d (%s%s), vocabulary %d, context %d, %s eps %s%s"
                        + ", attention scale %s",
                c.dModel(), c.nLayers(), c.nHeads(), c.nKvHeads(), c.dHead(), c.dMlp(),
                c.gatedMlp() ? "gated " : "", c.activation().name().toLowerCase(Locale.ROOT), c.vocabSize(), c.contextLength(),
                c.norm().name().toLowerCase(Locale.ROOT).replace("_", ""), number(c.normEps()), rope, number(c.attnScale())));
        if (c.attnSoftcap() > 0) sb.append(", attention soft-cap ").append(number(c.attnSoftcap()));
        if (c.finalSoftcap() > 0) sb.append(", final soft-cap ").append(number(c.finalSoftcap()));
        if (c.slidingWindow() > 0) {
            sb.append(", sliding window ").append(c.slidingWindow()).append(" on ")
                    .append(c.slidingLayers().name().toLowerCase(Locale.ROOT)).append(" layers");
        }
        if (c.embedScale() != 1f) sb.append(", embeddings x").append(number(c.embedScale()));
        if (c.postNorms()) sb.append(", post-norms");
        return sb.toString();
    }

    private static String number(float v) {
        return v == Math.rint(v) && Math.abs(v) < 1e7 ? String.valueOf((long) v) : String.valueOf(v);
    }

    static String size(long bytes) {
        if (bytes < 1024) return bytes + " B";
        if (bytes < 1024 * 1024) return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
        if (bytes < 1024L * 1024 * 1024) return String.format(Locale.ROOT, "%.1f MiB", bytes / 1048576.0);
        return String.format(Locale.ROOT, "%.2f GiB", bytes / 1073741824.0);
    }

    private static String abbreviate(String s) {
        String oneLine = s.replace("\n", "\\n");
        return oneLine.length() <= 160 ? oneLine : oneLine.substring(0, 160) + "... (" + s.length() + " chars)";
    }

    private void table(List<String[]> rows) {
        int[] widths = new int[4];
        for (String[] r : rows) for (int i = 0; i < 4; i++) widths[i] = Math.max(widths[i], r[i].length());
        for (String[] r : rows) {
            out.printf(Locale.ROOT, "  %-" + widths[0] + "s  %-" + widths[1] + "s  %-" + widths[2] + "s  %" + widths[3] + "s%n",
                    (Object[]) r);
        }
    }
}
