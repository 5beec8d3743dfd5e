// Tokenizes a fixed corpus of awkward texts with llama.cpp itself (node-llama-cpp's prebuilt binaries),
// for every vocabulary in a folder, so Glassbox's tokenizers can be compared with llama.cpp beyond the
// fixtures llama.cpp ships. Called by setup.sh:
//   node tokenize-corpus.mjs REFERENCE_DIR VOCAB_DIR OUT_DIR
// writes OUT_DIR/NAME.json = {"vocab": "ggml-vocab-NAME.gguf", "cases": [{"text": ..., "ids": [...]}, ...]},
// ids from llama_tokenize(text, add_special = false, parse_special = false), as the fixtures. Then, to
// reach the pre-tokenizers no fixture uses, it loads the GPT-2 vocabulary again under each other
// tokenizer.ggml.pre (a temporary copy with that one value changed) and tokenizes the corpus with each
// (OUT_DIR/pre/PRE.json).
import {readdirSync, readFileSync, writeFileSync, mkdirSync, rmSync} from "node:fs";
import {join, resolve} from "node:path";
import {pathToFileURL} from "node:url";

const [refDir, vocabDir, outDir] = process.argv.slice(2);
const {getLlama} = await import(pathToFileURL(resolve(refDir, "node_modules/node-llama-cpp/dist/index.js")).href);

// A small deterministic PRNG (mulberry32), so every run writes the same corpus.
function random(seed) {
    return () => {
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

const pools = {
    words: ["Hello", "world", "the", "a", "I", "it's", "don't", "WE'LL", "they'RE", "You'Ve", "x", "abc123", "foo_bar",
        "CamelCase", "URL", "https://example.com/a?b=c&d=1", "e-mail", "naïve", "résumé", "Straße", "ÆØÅ", "İstanbul"],
    digits: ["0", "7", "42", "123", "1234", "12345", "1234567", "3.14", "1,000,000", "٣٤٥", "१२३", "½", "²", "Ⅻ", "①"],
    punct: [".", ",", "!", "?", "...", "--", "—", "“", "”", "'", "\"", "(", ")", "[", "]", "{", "}", "<", ">", "/", "\\",
        "|", "@", "#", "$", "%", "^", "&", "*", "+", "=", "~", "`", ";", ":", "-", "_", "¡", "¿", "«", "»", "、", "。",
        "，", "！", "？", "：", "；", "''", "'''", "```", "!!!", "??", "$$", "->", "=>", "::"],
    space: [" ", "  ", "   ", "    ", "        ", "\t", "\t\t", "\n", "\n\n", "\n\n\n", "\r\n", "\r", " \n ", " \t",
        "\u00A0", "\u3000", "\u2028", "\u0085", "\u2003", "\u200B", "\u202F", "\f", "\v"],
    letters: ["é", "ñ", "ü", "ß", "Æ", "œ", "ﬁ", "ǅ", "İ", "ı", "Ω", "λ", "Привет", "мир", "Ελληνικά", "中文", "日本語",
        "ひらがな", "カタカナ", "한국어", "हिन्दी", "العربية", "עברית", "ภาษาไทย", "ខ្មែរ", "ქართული", "Հայերեն", "ትግርኛ",
        "𝐀𝐁𝐂", "𠀀𠀁", "ꙮ", "ᏣᎳᎩ", "Ⴀ", "µ"],
    marks: ["e\u0301", "a\u0308", "\u0301", "n\u0303o", "\u0915\u093F", "\u094D", "\u0E31", "\u20DD"],
    emoji: ["🦙", "😀", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "✅", "❤️", "🇫🇷", "😶‍🌫️", "☕", "🚀"],
    special: ["<s>", "</s>", "<unk>", "<pad>", "<mask>", "<|endoftext|>", "<|im_start|>", "<|im_end|>",
        "<|begin_of_text|>", "<|eot_id|>", "<start_of_turn>", "<end_of_turn>", "<|tool_response>", "<|\"|>", "[PAD151646]",
        "<|START_OF_TURN_TOKEN|>", "<fim_prefix>", ">>TITLE<<", "<｜begin▁of▁sentence｜>", "<|assistant|>", "<|end|>",
        "[CLS]", "[MASK]", "<0x41>", "<0x0A>"],
    odd: ["\u0001", "\u001F", "\u007F", "\u0378", "\uE000", "\uFFFD", "\uFEFF", "▁", "▁▁", "Ġ", "Ċ", "\u{10FFFD}",
        "\u{1FAE8}", "\u{1FAE9}", "\u1C89", "\u0897", "ϴ", "\u00AD"],
};
const names = Object.keys(pools);

function corpus() {
    const texts = [];
    for (const name of names) for (const item of pools[name]) texts.push(item);
    const next = random(20240531);
    const pick = (list) => list[Math.floor(next() * list.length)];
    for (let i = 0; i < 600; i++) {
        const parts = 1 + Math.floor(next() * 12);
        let text = "";
        for (let p = 0; p < parts; p++) {
            if (p > 0 && next() < 0.4) text += " ";
            text += pick(pools[pick(names)]);
        }
        texts.push(text);
    }
    return [...new Set(texts)];
}

// One tokenizer.ggml.pre name per llama.cpp pre-tokenizer type that runs on a byte-level vocabulary.
const PRE_NAMES = ["default", "minicpm5", "llama3", "deepseek-llm", "deepseek-coder", "deepseek-v3", "spark2_5", "youtu",
    "falcon", "mpt", "starcoder", "gpt-2", "jais-2", "refact", "command-r", "qwen2", "qwen35", "stablelm2", "olmo", "dbrx",
    "smaug-bpe", "poro-chat", "glm4", "viking", "jais", "tekken", "smollm", "codeshell", "bloom", "gpt3-finnish", "exaone",
    "exaone-moe", "chameleon", "minerva-7b", "gpt-4o", "granite-embed-multi-97m", "trillion", "granite-docling",
    "bailingmoe", "seed-coder", "hunyuan", "hunyuan-dense", "hy_v4", "joyai-llm", "ufakzeka", "grok-2", "laguna",
    "minimax-m2", "solar-open", "mellum2"];

// A GGUF file's bytes with the string value of one metadata key replaced. Only for files without tensors
// (vocabulary-only), where nothing after the metadata depends on its length; the end is re-padded to 32.
function withString(gguf, key, value) {
    const view = new DataView(gguf.buffer, gguf.byteOffset, gguf.byteLength);
    let pos = 8;
    const u32 = () => { const v = view.getUint32(pos, true); pos += 4; return v; };
    const u64 = () => { const v = Number(view.getBigUint64(pos, true)); pos += 8; return v; };
    const str = () => { const n = u64(); const s = gguf.subarray(pos, pos + n).toString("utf8"); pos += n; return s; };
    const sizes = {0: 1, 1: 1, 2: 2, 3: 2, 4: 4, 5: 4, 6: 4, 7: 1, 10: 8, 11: 8, 12: 8};
    const skip = (type) => {
        if (type === 8) { str(); return; }
        if (type === 9) { const t = u32(); const n = u64(); for (let i = 0; i < n; i++) skip(t); return; }
        pos += sizes[type];
    };
    if (u64() !== 0) throw new Error("the vocabulary has tensors");
    const kvs = u64();
    let found = null;
    for (let i = 0; i < kvs; i++) {
        const k = str();
        const type = u32();
        const start = pos;
        skip(type);
        if (k === key && type === 8) found = [start, pos];
    }
    if (found == null) throw new Error("no string " + key);
    const bytes = Buffer.from(value, "utf8");
    const length = Buffer.alloc(8);
    length.writeBigUInt64LE(BigInt(bytes.length));
    const body = Buffer.concat([gguf.subarray(0, found[0]), length, bytes, gguf.subarray(found[1], pos)]);
    return Buffer.concat([body, Buffer.alloc((32 - body.length % 32) % 32)]);
}

const texts = corpus();
const llama = await getLlama({gpu: false, build: "never", logLevel: "disabled"});
mkdirSync(outDir, {recursive: true});
for (const file of readdirSync(vocabDir).filter((f) => f.endsWith(".gguf")).sort()) {
    const name = file.replace(/^ggml-vocab-/, "").replace(/\.gguf$/, "");
    let model;
    try {
        model = await llama.loadModel({modelPath: join(vocabDir, file), vocabOnly: true});
    } catch (e) {
        console.error(`reference: ${file}: llama.cpp cannot load it (${e.message}); skipped`);
        continue;
    }
    const cases = texts.map((text) => ({text, ids: Array.from(model.tokenize(text, false))}));
    writeFileSync(join(outDir, name + ".json"), JSON.stringify({vocab: file, cases}));
    await model.dispose();
}
const preDir = join(outDir, "pre");
mkdirSync(preDir, {recursive: true});
const gpt2 = readFileSync(join(vocabDir, "ggml-vocab-gpt-2.gguf"));
for (const pre of PRE_NAMES) {
    const file = join(preDir, `ggml-vocab-gpt-2-pre-${pre}.gguf`);
    writeFileSync(file, withString(gpt2, "tokenizer.ggml.pre", pre));
    let model;
    try {
        model = await llama.loadModel({modelPath: file, vocabOnly: true});
    } catch (e) {
        console.error(`reference: llama.cpp cannot load the GPT-2 vocabulary with pre-tokenizer ${pre} (${e.message}); skipped`);
        continue;
    } finally {
        rmSync(file);
    }
    const cases = texts.map((text) => ({text, ids: Array.from(model.tokenize(text, false))}));
    writeFileSync(join(preDir, pre + ".json"), JSON.stringify({vocab: "ggml-vocab-gpt-2.gguf", pre, cases}));
    await model.dispose();
}
console.error(`reference: ${texts.length} texts tokenized by llama.cpp into ${outDir}`);
