package dev.glassbox.interp.model;

import dev.glassbox.core.Closest;
import dev.glassbox.interp.UnknownNameException;
import dev.glassbox.model.Transformer;
import dev.glassbox.model.generate.LanguageModel;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A language model with its tokenizer. Prompts are text, tokenized with BOS first (when the vocabulary
 * has one); outputs are next-token logits labelled by the token's piece. An output label may be a piece
 * as stored ("▁Paris"), the text it decodes to (" Paris", when that is one token), or {@code #id}.
 */
public final class LanguageInterpModel implements InterpModel {
    private final String name;
    private final LanguageModel model;

    public LanguageInterpModel(String name, LanguageModel model) {
        this.name = name;
        this.model = model;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public Transformer transformer() {
        return model.transformer();
    }

    @Override
    public Prompt prompt(String text) {
        Tokenizer tokenizer = model.tokenizer();
        int[] body = tokenizer.encode(text);
        int bos = tokenizer.bos().orElse(-1);
        int[] ids = new int[body.length + (bos >= 0 ? 1 : 0)];
        if (bos >= 0) ids[0] = bos;
        System.arraycopy(body, 0, ids, ids.length - body.length, body.length);
        List<String> labels = new ArrayList<>(ids.length);
        for (int id : ids) labels.add(tokenizer.piece(id));
        return new Prompt(text, ids, labels);
    }

    @Override
    public String outputLabel(int index) {
        return model.tokenizer().piece(index);
    }

    @Override
    public int outputIndex(String label) {
        Tokenizer tokenizer = model.tokenizer();
        List<String> pieces = new ArrayList<>(tokenizer.vocabSize());
        for (int i = 0; i < tokenizer.vocabSize(); i++) pieces.add(tokenizer.piece(i));
        int exact = pieces.indexOf(label);
        if (exact >= 0) return exact;
        int sentencePiece = pieces.indexOf(label.replace(' ', '\u2581'));
        if (sentencePiece >= 0) return sentencePiece;
        int[] encoded = tokenizer.encode(label);
        if (encoded.length == 1) return encoded[0];
        if (label.startsWith("#")) return OutputLabels.indexOf(label, pieces);
        throw new UnknownNameException("token", label, Closest.to(label, pieces, 3),
                "give one token of the vocabulary, or #id");
    }
}
