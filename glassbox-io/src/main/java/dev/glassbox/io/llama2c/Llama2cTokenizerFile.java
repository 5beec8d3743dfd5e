package dev.glassbox.io.llama2c;

import dev.glassbox.core.MalformedFileException;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A llama2.c tokenizer file ({@code tokenizer.bin}, {@code tok512.bin}): int32 max_token_length, then
 * per token, in id order, float32 score, int32 length, and that many bytes of the piece (UTF-8, with
 * SentencePiece's "▁" already turned into a space; byte-fallback pieces spelled {@code <0xXX>}).
 * The file does not store the number of tokens: it is whatever the records add up to, and the caller
 * checks it against the model's vocab_size.
 *
 * @param maxTokenLength the longest piece, in bytes, as the header states
 * @param pieces the bytes of each piece, by id
 * @param scores the merge score of each piece, by id (higher merges first)
 */
public record Llama2cTokenizerFile(int maxTokenLength, List<byte[]> pieces, float[] scores) {

    public Llama2cTokenizerFile {
        pieces = List.copyOf(pieces);
        if (scores.length != pieces.size()) {
            throw new IllegalArgumentException(pieces.size() + " pieces but " + scores.length + " scores");
        }
    }

    public int size() {
        return pieces.size();
    }

    /**
     * Maps {@code path} and reads every record, checking each length against the bytes that remain.
     *
     * @throws MalformedFileException naming the first record that is wrong
     */
    public static Llama2cTokenizerFile read(Path path) {
        try (MappedFile file = MappedFile.open(path)) {
            return parse(path, file.bytes);
        }
    }

    private static Llama2cTokenizerFile parse(Path path, MemorySegment bytes) {
        long size = bytes.byteSize();
        if (size < Integer.BYTES) {
            throw new MalformedFileException(path, "llama2.c tokenizer is " + size + " bytes, too short for its int32"
                    + " max_token_length; it is truncated or not a llama2.c tokenizer file");
        }
        int maxTokenLength = bytes.get(MappedFile.I32, 0);
        if (maxTokenLength <= 0) {
            throw new MalformedFileException(path, "header field max_token_length is " + maxTokenLength
                    + "; it must be positive. Is this a llama2.c tokenizer file (tokenizer.bin)?");
        }
        List<byte[]> pieces = new ArrayList<>();
        List<Float> scores = new ArrayList<>();
        long offset = Integer.BYTES;
        while (offset < size) {
            int id = pieces.size();
            if (size - offset < 8) {
                throw new MalformedFileException(path, "token " + id + " at byte " + offset + " needs 8 bytes for its"
                        + " score and length but only " + (size - offset) + " remain; the file is truncated");
            }
            float score = bytes.get(MappedFile.F32, offset);
            int length = bytes.get(MappedFile.I32, offset + 4);
            offset += 8;
            if (Float.isNaN(score)) {
                throw new MalformedFileException(path, "token " + id + " has score NaN; scores order the merges and"
                        + " must be numbers");
            }
            if (length < 0 || length > maxTokenLength) {
                throw new MalformedFileException(path, "token " + id + " has length " + length + ", outside [0, "
                        + maxTokenLength + "] (max_token_length); the file is corrupt or not a llama2.c tokenizer");
            }
            if (size - offset < length) {
                throw new MalformedFileException(path, "token " + id + " needs " + length + " bytes but only "
                        + (size - offset) + " remain; the file is truncated");
            }
            pieces.add(bytes.asSlice(offset, length).toArray(ValueLayout.JAVA_BYTE));
            scores.add(score);
            offset += length;
        }
        if (pieces.isEmpty()) {
            throw new MalformedFileException(path, "llama2.c tokenizer has no tokens after its header");
        }
        float[] scoreArray = new float[scores.size()];
        for (int i = 0; i < scoreArray.length; i++) scoreArray[i] = scores.get(i);
        return new Llama2cTokenizerFile(maxTokenLength, pieces, scoreArray);
    }
}
