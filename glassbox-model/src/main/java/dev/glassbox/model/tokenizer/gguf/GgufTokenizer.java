package dev.glassbox.model.tokenizer.gguf;

import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.tokenizer.SentencePieceTokenizer;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The tokenizer a GGUF file describes, behaving as llama.cpp's: SentencePiece BPE ("llama": Llama 1/2,
 * Mistral, Gemma 1-3, Phi-3), BPE after a pre-tokenizer ("gpt2": GPT-2, Llama 3, Qwen, DeepSeek, Falcon,
 * StarCoder, ...; "gemma4") and WordPiece ("bert"). Built by {@link GgufTokenizers}.
 *
 * <p>{@link #encode(String)} is llama.cpp's {@code llama_tokenize(text, add_special = false,
 * parse_special = false)}, what its tokenizer fixtures check: no BOS/EOS, and text that spells a control
 * token stays text. {@link #encode(String, boolean, boolean)} gives the other choices (a chat template's
 * control tokens need {@code parseSpecial}).
 *
 * <p>Decoding goes token by token: control tokens add nothing, byte tokens their byte, other tokens their
 * text ("▁" back to a space; byte-level tokens back to their bytes). With a space prefix (SentencePiece),
 * the first token of a text, or the first after BOS, loses one leading space. So {@code decode(encode(x))}
 * is {@code x}, except for WordPiece, whose encoding normalises the text. llama.cpp's optional clean-up of
 * spaces before punctuation ({@code clean_spaces}) is not applied.
 */
public final class GgufTokenizer implements Tokenizer {
    private static final String SPACE = "\u2581"; // ▁

    private final TokenizerKind kind;
    private final String model, pre;
    private final TokenTexts texts;
    private final int[] attrs;
    private final Map<SpecialToken, Integer> special;
    private final Set<Integer> endOfGeneration;
    private final boolean addBos, addEos, addSpacePrefix, escapeWhitespaces;
    private final SpecialTokenSplitter splitter;
    private final PieceEncoder encoder;

    private GgufTokenizer(GgufVocabulary v) {
        kind = TokenizerKind.of(v.model());
        model = v.model();
        BpeSettings settings = null;
        if (kind == TokenizerKind.BPE) {
            String preName = model.equals("gemma4") ? "gemma4" : v.pre();
            settings = BpeSettings.forName(preName).orElseThrow(() -> new GlassboxException(
                    "tokenizer.ggml.pre = '" + v.pre() + "' is a pre-tokenizer Glassbox does not run (yet)"));
            pre = preName;
        } else {
            pre = v.pre();
        }

        int n = v.size();
        texts = TokenTexts.of(v.tokens()).withEmptyAs(i -> "[EMPTY_" + i + "]");
        TokenIndex ids = new TokenIndex(texts);
        attrs = new int[n];
        float[] scores = new float[n];
        for (int i = 0; i < n; i++) {
            scores[i] = v.scores() == null ? 0f : v.scores()[i];
            attrs[i] = v.tokenTypes() == null ? TokenAttr.NORMAL : TokenAttr.ofTokenType(v.tokenTypes()[i]);
        }

        special = SpecialIds.resolve(v, kind, settings);
        boolean bpeKind = kind == TokenizerKind.BPE;
        addBos = kind == TokenizerKind.WPM // WordPiece always adds [CLS] ... [SEP]
                || v.flag("add_bos_token").orElse(bpeKind ? settings.addBos() : true)
                || (bpeKind && settings.type() == PreTokenizerType.GEMMA4); // llama.cpp forces BOS for Gemma 4
        addEos = kind != TokenizerKind.WPM && v.flag("add_eos_token").orElse(false);
        addSpacePrefix = v.flag("add_space_prefix").orElse(kind == TokenizerKind.SPM);
        escapeWhitespaces = !bpeKind || settings.escapeWhitespaces();

        TokenAttributes.Result derived = TokenAttributes.derive(ids, attrs, special, v.pre(), v.name(), v.architecture());
        endOfGeneration = Set.copyOf(derived.eog());
        splitter = new SpecialTokenSplitter(texts, attrs, derived.specialTokens());
        encoder = switch (kind) {
            case SPM -> new SpmEncoder(ids, scores, special.get(SpecialToken.UNK));
            case BPE -> new BpeEncoder(ids, new BpeMerges(v.merges()), settings.type(), settings.ignoreMerges());
            case WPM -> {
                boolean lowercase = v.flag("normalizer.lowercase").orElse(true);
                yield new WpmEncoder(ids, texts.maxByteLength(), special.get(SpecialToken.UNK), lowercase,
                        v.flag("normalizer.strip_accents").orElse(lowercase));
            }
        };
    }

    /** @throws GlassboxException when the vocabulary's tokenizer or pre-tokenizer is one Glassbox does not run */
    public static GgufTokenizer of(GgufVocabulary vocabulary) {
        return new GgufTokenizer(vocabulary);
    }

    /** {@code tokenizer.ggml.model}. */
    public String model() {
        return model;
    }

    /** The pre-tokenizer's name ({@code tokenizer.ggml.pre}; "gemma4" for Gemma 4), empty for SentencePiece. */
    public String pre() {
        return pre;
    }

    @Override
    public int vocabSize() {
        return texts.size();
    }

    @Override
    public OptionalInt bos() {
        return id(SpecialToken.BOS);
    }

    @Override
    public OptionalInt eos() {
        return id(SpecialToken.EOS);
    }

    /** The id llama.cpp settles for a special role (from the file, its defaults, or the token's text). */
    public OptionalInt id(SpecialToken role) {
        int id = special.get(role);
        return id < 0 ? OptionalInt.empty() : OptionalInt.of(id);
    }

    /** Whether {@link #encode(String, boolean, boolean)} with {@code addSpecial} starts with BOS. */
    public boolean addsBos() {
        return addBos;
    }

    /** Whether {@link #encode(String, boolean, boolean)} with {@code addSpecial} ends with EOS. */
    public boolean addsEos() {
        return addEos;
    }

    /** The ids that end a generation (EOS, end-of-turn tokens and the like), as llama.cpp's {@code is_eog}. */
    public Set<Integer> endOfGeneration() {
        return endOfGeneration;
    }

    /** Whether {@code id} is a control token (adds no text). */
    public boolean isControl(int id) {
        return TokenAttr.has(attrs[check(id)], TokenAttr.CONTROL);
    }

    @Override
    public String piece(int id) {
        return texts.text(check(id));
    }

    @Override
    public int[] encode(String text) {
        return encode(text, false, false);
    }

    /**
     * llama.cpp's {@code llama_tokenize}.
     *
     * @param addSpecial add BOS and EOS where the vocabulary asks for them ({@link #addsBos()}, {@link #addsEos()});
     *     WordPiece always wraps the ids in [CLS] (BOS) ... [SEP]
     * @param parseSpecial turn text that spells a control token into that token
     */
    public int[] encode(String text, boolean addSpecial, boolean parseSpecial) {
        String s = wellFormed(text);
        IntList out = new IntList();
        if (addSpecial && addBos) out.add(required(SpecialToken.BOS));
        boolean afterSpecial = true;
        for (Fragment f : splitter.split(s, parseSpecial)) {
            switch (f) {
                case Fragment.Token t -> {
                    out.add(t.id());
                    afterSpecial = true;
                }
                case Fragment.Text t -> {
                    String piece = s.substring(t.start(), t.end());
                    if (kind == TokenizerKind.SPM && addSpacePrefix && afterSpecial) piece = " " + piece;
                    encoder.encode(kind != TokenizerKind.WPM && escapeWhitespaces ? piece.replace(" ", SPACE) : piece, out);
                    afterSpecial = false;
                }
            }
        }
        if (addSpecial && addEos) out.add(required(SpecialToken.EOS));
        if (addSpecial && kind == TokenizerKind.WPM) out.add(required(SpecialToken.SEP));
        return out.toArray();
    }

    @Override
    public byte[] decode(int previous, int id) {
        int attr = attrs[check(id)];
        byte[] bytes;
        if (TokenAttr.has(attr, TokenAttr.CONTROL)) {
            return new byte[0];
        } else if (TokenAttr.has(attr, TokenAttr.UNKNOWN | TokenAttr.USER_DEFINED)) {
            bytes = texts.text(id).getBytes(StandardCharsets.UTF_8);
        } else if (TokenAttr.has(attr, TokenAttr.NORMAL)) {
            bytes = escapeWhitespaces
                    ? texts.text(id).replace(SPACE, " ").getBytes(StandardCharsets.UTF_8)
                    : ByteLevel.decode(texts.text(id));
        } else if (TokenAttr.has(attr, TokenAttr.BYTE)) {
            byte[] utf8 = texts.text(id).getBytes(StandardCharsets.UTF_8);
            int b = SentencePieceTokenizer.byteValue(utf8);
            bytes = b >= 0 ? new byte[] {(byte) b} : utf8;
        } else {
            return new byte[0]; // unused and undefined tokens
        }
        boolean startOfText = previous < 0 || previous == special.get(SpecialToken.BOS);
        return addSpacePrefix && startOfText && bytes.length > 0 && bytes[0] == ' '
                ? Arrays.copyOfRange(bytes, 1, bytes.length)
                : bytes;
    }

    private int required(SpecialToken role) {
        int id = special.get(role);
        if (id < 0) throw new GlassboxException("the vocabulary asks for " + role + " but has no " + role + " token");
        return id;
    }

    private int check(int id) {
        if (id < 0 || id >= texts.size()) {
            throw new InvalidInputException("token id " + id + " is outside the vocabulary [0, " + texts.size() + ")");
        }
        return id;
    }

    /** The text with any unpaired surrogate replaced by U+FFFD (what llama.cpp makes of malformed UTF-8). */
    private static String wellFormed(String text) {
        StringBuilder s = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean paired = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (paired) {
                if (s != null) s.append(c).append(text.charAt(i + 1));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (s == null) s = new StringBuilder(text.substring(0, i));
                s.append('\uFFFD');
            } else if (s != null) {
                s.append(c);
            }
        }
        return s == null ? text : s.toString();
    }
}
