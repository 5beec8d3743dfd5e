package dev.glassbox.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.foreign.ValueLayout;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Pins the quantizers' output bytes. The hashes below were taken when our output was byte-for-byte
 * identical to ggml's reference quantizers on this input: Q8_0, Q4_0, F16 and BF16 against llama.cpp's
 * gguf-py ({@code gguf.quants.quantize}, see GgufPyCrossCheckTest in glassbox-io), Q4_K and Q6_K against
 * {@code quantize_row_q4_K_ref} and {@code quantize_row_q6_K_ref} of ggml-quants.c (llama.cpp commit
 * 01243c587fec) compiled with gcc 12 {@code -O2 -ffp-contract=off}, so that float operations round as
 * Java's do. (That comparison found one difference, a weighted error summed as (w*d)*d instead of ggml's
 * w*(d*d); it is fixed.) A change to a quantizer that alters any byte fails here and must be checked
 * against ggml again.
 */
class GgmlReferenceBytesTest {

    /** 512 super-blocks in eight kinds: small gaussians, offset, all positive, outliers, zeros, half zero, tiny, coarse. */
    static float[] input() {
        Random r = new Random(7);
        int blocks = 512;
        float[] v = new float[blocks * 256];
        for (int b = 0; b < blocks; b++) {
            int kind = b % 8;
            for (int j = 0; j < 256; j++) {
                double g = r.nextGaussian();
                v[b * 256 + j] = (float) switch (kind) {
                    case 0 -> g * 0.02;
                    case 1 -> g * 0.02 + 0.05;
                    case 2 -> Math.abs(g) + 1;
                    case 3 -> (j % 50 == 0 ? 5 : 0.01) * g;
                    case 4 -> 0.0;
                    case 5 -> j < 128 ? 0 : g;
                    case 6 -> 1e-6 * g;
                    default -> Math.round(g * 4) / 4.0;
                };
            }
        }
        return v;
    }

    @ParameterizedTest
    @CsvSource({
            "Q4_K, 835a5fd909ff5675a2ad8d0ab0a97aefc8258405287b997b3d3eb65b75160046",
            "Q6_K, 76942476b05e6e42fcd9ee447155396bb2d01379482c11df6b7157bbbec3d7b7",
            "Q8_0, c0bd3d0f5f252c39bfabc7ea909c434970aba792c769c788d86920e0bb3e1d03",
            "Q4_0, 86cad9cb167dacb042775fbb118003fc33146b4a3b449b95aa2457c04b3b6383",
            "F16, d2a0d77cb0475dee0efda5d858ee08c51a7b97830bb1187cb22c2bce6426ddff",
            "BF16, 91374b19e0b4222dd63bb8ee6dcb686077e29bddec81c02d3d4da3721e676b38"})
    void quantizedBytesAreGgmls(GgmlType type, String sha256) throws Exception {
        byte[] bytes = Quantization.quantize(type, input()).toArray(ValueLayout.JAVA_BYTE);
        assertEquals(sha256, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)), type.toString());
    }
}
