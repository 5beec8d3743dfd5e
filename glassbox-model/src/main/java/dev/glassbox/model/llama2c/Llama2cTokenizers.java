package dev.glassbox.model.llama2c;

import dev.glassbox.core.MalformedFileException;
import dev.glassbox.io.llama2c.Llama2cTokenizerFile;
import dev.glassbox.model.tokenizer.PieceType;
import dev.glassbox.model.tokenizer.SentencePieceTokenizer;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * llama2.c's tokenizer file as a {@link SentencePieceTokenizer}, with llama2.c's conventions: id 0 is
 * {@code <unk>}, 1 is BOS, 2 is EOS (control tokens), pieces spelled {@code <0xXX>} are byte tokens, and
 * a dummy-prefix space goes before non-empty text. The file carries no types; these are llama2.c's fixed
 * ones, as its {@code run.c} assumes them.
 */
public final class Llama2cTokenizers {
    public static final int BOS = 1;
    public static final int EOS = 2;

    private Llama2cTokenizers() {}

    /**
     * @param vocabSize the model's vocab_size: the file must hold exactly that many tokens
     * @throws MalformedFileException when the file is malformed or its size disagrees with the model's
     */
    public static Tokenizer load(Path path, int vocabSize, Path modelPath) {
        Llama2cTokenizerFile file = Llama2cTokenizerFile.read(path);
        if (file.size() != vocabSize) {
            throw new MalformedFileException(path, "the tokenizer has " + file.size() + " tokens but the model "
                    + modelPath + " has vocab_size " + vocabSize + "; give the tokenizer the model was trained with"
                    + " (--tokenizer)");
        }
        return of(file, path);
    }

    /** The tokenizer of an already-read file, whatever its size. */
    public static Tokenizer of(Llama2cTokenizerFile file, Path path) {
        if (file.size() <= EOS) {
            throw new MalformedFileException(path, "the tokenizer has " + file.size() + " tokens; llama2.c's need at"
                    + " least 3 (<unk>, BOS, EOS)");
        }
        List<byte[]> pieces = file.pieces();
        PieceType[] types = new PieceType[pieces.size()];
        Arrays.fill(types, PieceType.NORMAL);
        for (int id = 0; id < types.length; id++) {
            if (SentencePieceTokenizer.byteValue(pieces.get(id)) >= 0) types[id] = PieceType.BYTE;
        }
        if (new String(pieces.get(0), StandardCharsets.UTF_8).equals("<unk>")) types[0] = PieceType.UNKNOWN;
        types[BOS] = PieceType.CONTROL;
        types[EOS] = PieceType.CONTROL;
        return new SentencePieceTokenizer(pieces, file.scores(), types, BOS, EOS, true);
    }
}
