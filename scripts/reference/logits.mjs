// Runs token ids through llama.cpp (node-llama-cpp's prebuilt CPU binaries, installed by setup.sh) and
// writes the logits of every position, so Glassbox's forward pass can be compared with llama.cpp's.
//
//   node scripts/reference/logits.mjs MODEL.gguf... --tokens 2,17,5 [--out FILE | --out-dir DIR] [--top K]
//                                     [--kv-cache f32|f16] [--threads N] [--reference DIR]
//
// stdout: per model, one line holding a JSON object {"model", "tokens", "vocab", "kvCache", "llamaCpp",
// "systemInfo", "positions"}; "positions" holds, per position, "top": [[id, logit], ...] highest first
// (K entries, default 5). --out FILE (one model) also writes every logit as little-endian float32,
// positions x vocab, row-major, no header; --out-dir DIR writes DIR/NAME.f32 for each model NAME.gguf.
// Several models in one call pay node's and llama.cpp's start-up once.
//
// The ids are evaluated in one batch in a fresh context, exactly as given (no BOS is added), with flash
// attention off. --kv-cache f32 (the default) keeps keys and values in float32; llama.cpp's own default
// is f16, which rounds q, k, v and the attention weights to half precision (see
// docs/llama-cpp-comparison.md). One thread by default: llama.cpp's threads spin while they wait, which
// on a small shared machine costs far more than tiny models gain (39 s against 2 s for six models on two
// busy cores); ggml splits rows between threads, so the logits do not depend on the count. Logits are
// llama.cpp's raw output (after Gemma 2's final soft-cap): the sampler is greedy, which only reads them.
//
// Exit status: 0 on success, 2 on bad arguments, 1 when llama.cpp fails (the message is on stderr).
import {writeFileSync} from "node:fs";
import {basename, dirname, join, resolve} from "node:path";
import {fileURLToPath, pathToFileURL} from "node:url";

function usage(message) {
    console.error(`logits.mjs: ${message}`);
    console.error("usage: node logits.mjs MODEL.gguf... --tokens 1,2,3 [--out FILE | --out-dir DIR] [--top K]"
        + " [--kv-cache f32|f16] [--threads N] [--reference DIR]");
    process.exit(2);
}

function parseArgs(argv) {
    const here = dirname(fileURLToPath(import.meta.url));
    const args = {models: [], tokens: null, out: null, outDir: null, top: 5, kvCache: "f32", threads: 1,
        reference: resolve(here, "../../reference")};
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        const value = () => {
            if (i + 1 >= argv.length) usage(`${a} needs a value`);
            return argv[++i];
        };
        if (a === "--tokens") args.tokens = value();
        else if (a === "--out") args.out = value();
        else if (a === "--out-dir") args.outDir = resolve(value());
        else if (a === "--top") args.top = Number(value());
        else if (a === "--kv-cache") args.kvCache = value();
        else if (a === "--threads") args.threads = Number(value());
        else if (a === "--reference") args.reference = resolve(value());
        else if (a.startsWith("--")) usage(`unknown option ${a}`);
        else args.models.push(resolve(a));
    }
    if (args.models.length === 0) usage("no model file given");
    if (args.out !== null && args.models.length > 1) usage("--out takes one model; use --out-dir for several");
    if (args.out !== null && args.outDir !== null) usage("give --out or --out-dir, not both");
    if (args.tokens === null) usage("no --tokens given");
    const ids = args.tokens.split(",").map((s) => s.trim());
    if (ids.length === 0 || ids.some((s) => !/^\d+$/.test(s))) usage(`--tokens must be comma-separated ids, got '${args.tokens}'`);
    args.tokens = ids.map(Number);
    if (!Number.isInteger(args.top) || args.top < 0) usage(`--top must be a non-negative integer`);
    if (!Number.isInteger(args.threads) || args.threads < 1) usage(`--threads must be a positive integer`);
    if (args.kvCache !== "f32" && args.kvCache !== "f16") usage(`--kv-cache must be f32 or f16, got '${args.kvCache}'`);
    return args;
}

/** The logits of every position of args.tokens under one model, as float32 [positions][vocab]. */
async function evaluate(llama, modelPath, args) {
    const model = await llama.loadModel({modelPath, gpuLayers: 0, defaultContextFlashAttention: false});
    const kvType = args.kvCache.toUpperCase();
    const n = args.tokens.length;
    // node-llama-cpp keeps one cell free and shifts the context (drops its beginning) when it is full, so the
    // context holds n + 1 tokens; one batch of n keeps every position in a single llama_decode.
    const context = await model.createContext({
        contextSize: n + 1, batchSize: n, sequences: 1, flashAttention: false,
        experimentalKvCacheKeyType: kvType, experimentalKvCacheValueType: kvType,
        threads: {ideal: args.threads, min: args.threads}});
    try {
        const input = args.tokens.map((id) => [id, {generateNext: {logits: true}}]);
        const sequence = context.getSequence();
        const results = await sequence.controlledEvaluate(input);
        const held = sequence.contextTokens;
        if (held.length !== n || held.some((id, i) => id !== args.tokens[i])) {
            throw new Error(`the context holds ${held.length} tokens after evaluating ${n}; it was shifted or truncated`);
        }
        const vocab = results[0]?.next?.logits?.size ?? 0; // llama.cpp's n_vocab
        const all = new Float32Array(n * vocab);
        const positions = [];
        for (let p = 0; p < n; p++) {
            const logits = results[p]?.next?.logits;
            if (logits == null || vocab === 0 || logits.size !== vocab) {
                throw new Error(`llama.cpp returned ${logits?.size ?? "no"} logits at position ${p}, expected ${vocab}`);
            }
            const top = [];
            for (const [id, value] of logits) { // sorted highest first
                all[p * vocab + id] = value;
                if (top.length < args.top) top.push([id, value]);
            }
            positions.push({top});
        }
        return {vocab, all, positions};
    } finally {
        await context.dispose();
        await model.dispose();
    }
}

async function main() {
    const args = parseArgs(process.argv.slice(2));
    const entry = resolve(args.reference, "node_modules/node-llama-cpp/dist/index.js");
    const {getLlama} = await import(pathToFileURL(entry).href);
    const llama = await getLlama({gpu: false, build: "never", logLevel: "error", progressLogs: false});
    const release = llama.llamaCppRelease;
    for (const modelPath of args.models) {
        let result;
        try {
            result = await evaluate(llama, modelPath, args);
        } catch (e) {
            throw new Error(`${modelPath}: ${e?.message ?? e}`, {cause: e});
        }
        const out = args.out ?? (args.outDir === null ? null : join(args.outDir, basename(modelPath, ".gguf") + ".f32"));
        if (out !== null) writeFileSync(out, Buffer.from(result.all.buffer));
        process.stdout.write(JSON.stringify({
            model: modelPath, tokens: args.tokens, vocab: result.vocab, kvCache: args.kvCache,
            llamaCpp: `${release.repo}@${release.release}`, systemInfo: llama.systemInfo,
            positions: result.positions}) + "\n");
    }
    await llama.dispose();
}

main().catch((e) => {
    console.error(`logits.mjs: llama.cpp failed: ${e?.stack ?? e}`);
    process.exit(1);
});
