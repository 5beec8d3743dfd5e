// Speed of llama.cpp (node-llama-cpp's prebuilt CPU binaries) on one GGUF file, measured the way
// `glassbox bench` measures Glassbox, so that the two can be compared in the same run:
//   node bench.mjs --reference REFERENCE_DIR --model FILE --threads N --prompt ID,ID,... --gen N [--warmup N]
// prints one JSON line:
//   {"engine": "llama.cpp", "prompt_tokens": P, "prompt_seconds": s, "gen_tokens": N, "gen_seconds": s,
//    "load_seconds": s, "peak_rss_bytes": b, "version": "...", "threads": N}
// - prompt: the given ids are evaluated as one batch; prompt_seconds runs from the call until the first
//   sampled token (the batch, the last position's logits, one greedy sample);
// - generation: each later token is one decode of the previous token plus a greedy sample; gen_seconds
//   covers N of them (from the first sampled token to the (N+1)-th). End-of-generation tokens are yielded
//   and fed back like any other, so every run decodes exactly N tokens;
// - warm-up: the same steps on the first --warmup prompt ids (and 4 tokens) in a sequence that is then
//   cleared, so both engines are measured warm;
// - peak_rss_bytes: VmHWM of this process (node itself included, about 50 MB), after the run.
import {readFileSync} from "node:fs";
import {resolve} from "node:path";
import {pathToFileURL} from "node:url";

function options(argv) {
    const out = {};
    for (let i = 0; i < argv.length; i += 2) {
        if (!argv[i].startsWith("--") || i + 1 >= argv.length) throw new Error("usage: --name value pairs, got " + argv[i]);
        out[argv[i].slice(2)] = argv[i + 1];
    }
    for (const required of ["reference", "model", "threads", "prompt", "gen"]) {
        if (out[required] == null) throw new Error("missing --" + required);
    }
    return out;
}

function peakRssBytes() {
    const line = readFileSync("/proc/self/status", "utf8").split("\n").find((l) => l.startsWith("VmHWM:"));
    return line == null ? -1 : Number(line.split(/\s+/)[1]) * 1024;
}

const now = () => Number(process.hrtime.bigint()) / 1e9;

/** Evaluates prompt and generates gen tokens; returns [seconds to the first token, seconds for gen more]. */
async function run(sequence, prompt, gen) {
    const start = now();
    let first = 0, count = 0;
    for await (const token of sequence.evaluate(prompt, {temperature: 0, yieldEogToken: true})) {
        if (count === 0) first = now();
        if (count === gen) break;
        count++;
    }
    return [first - start, now() - first];
}

const o = options(process.argv.slice(2));
const threads = Number(o.threads), gen = Number(o.gen), warmup = Number(o.warmup ?? 32);
const prompt = o.prompt.split(",").map(Number);
const {getLlama, LlamaLogLevel} = await import(pathToFileURL(resolve(o.reference, "node_modules/node-llama-cpp/dist/index.js")).href);

const llama = await getLlama({build: "never", gpu: false, maxThreads: threads, logLevel: LlamaLogLevel.error});
const loadStart = now();
const model = await llama.loadModel({modelPath: resolve(o.model), gpuLayers: 0});
const context = await model.createContext({
    contextSize: Math.max(256, Math.ceil((prompt.length + gen + 8) / 256) * 256),
    batchSize: Math.max(512, prompt.length),
    threads: {ideal: threads, min: threads},
});
const loadSeconds = now() - loadStart;
const sequence = context.getSequence();
if (warmup > 0) {
    await run(sequence, prompt.slice(0, Math.min(warmup, prompt.length)), 4);
    await sequence.clearHistory();
}
const [promptSeconds, genSeconds] = await run(sequence, prompt, gen);
const result = {
    engine: "llama.cpp",
    version: "node-llama-cpp " + JSON.parse(readFileSync(resolve(o.reference, "node_modules/node-llama-cpp/package.json"), "utf8")).version
        + ", llama.cpp release " + (llama.llamaCppRelease?.release ?? "?") + ", CPU",
    threads,
    prompt_tokens: prompt.length,
    prompt_seconds: promptSeconds,
    gen_tokens: gen,
    gen_seconds: genSeconds,
    load_seconds: loadSeconds,
    peak_rss_bytes: peakRssBytes(),
};
await context.dispose();
await model.dispose();
await llama.dispose();
console.log(JSON.stringify(result));
