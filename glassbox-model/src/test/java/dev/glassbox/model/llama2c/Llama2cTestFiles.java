package dev.glassbox.model.llama2c;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/** Random llama2.c checkpoints and tokenizers of a given shape. */
final class Llama2cTestFiles {
    private Llama2cTestFiles() {}

    /** header: dim, hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size (negative: untied), seq_len. */
    static Path checkpoint(Path dir, int[] header, long seed) throws IOException {
        int dim = header[0], hidden = header[1], layers = header[2], heads = header[3], kvHeads = header[4];
        int vocab = Math.abs(header[5]), seqLen = header[6], hs = dim / heads, kvDim = kvHeads * hs;
        long floats = (long) vocab * dim * (header[5] < 0 ? 2 : 1) + dim + (long) seqLen * hs
                + (long) layers * (2L * dim + 2L * dim * dim + 2L * dim * kvDim + 3L * dim * hidden);
        ByteBuffer b = ByteBuffer.allocate(28 + (int) floats * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : header) b.putInt(v);
        Random random = new Random(seed);
        for (long i = 0; i < floats; i++) b.putFloat((float) random.nextGaussian() * 0.5f);
        Path path = dir.resolve("model.bin");
        Files.write(path, b.array());
        return path;
    }

    /** A llama2.c tokenizer: <unk>, BOS, EOS, then the given pieces, scores -id. */
    static Path tokenizer(Path dir, String... pieces) throws IOException {
        String[] all = new String[pieces.length + 3];
        all[0] = "<unk>";
        all[1] = "\n<s>\n";
        all[2] = "\n</s>\n";
        System.arraycopy(pieces, 0, all, 3, pieces.length);
        ByteBuffer b = ByteBuffer.allocate(4 + all.length * 8 + all.length * 16).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(16);
        for (int i = 0; i < all.length; i++) {
            byte[] bytes = all[i].getBytes(StandardCharsets.UTF_8);
            b.putFloat(-i).putInt(bytes.length).put(bytes);
        }
        Path path = dir.resolve("tokenizer.bin");
        Files.write(path, java.util.Arrays.copyOf(b.array(), b.position()));
        return path;
    }
}
