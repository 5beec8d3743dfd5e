package dev.glassbox.model.tokenizer.gguf;

/**
 * {@code [^\n]+|[\n]+}: runs of newlines and runs of anything else (llama.cpp's
 * {@code unicode_regex_split_custom_newlines}; Gemma 4 merges whole lines).
 */
final class NewlineSplit implements WordSplit {

    @Override
    public IntList split(int[] cps, IntList pieces) {
        IntList out = new IntList();
        int start = 0;
        for (int i = 0; i < pieces.size(); i++) {
            int end = start + pieces.get(i);
            for (int pos = start; pos < end; ) {
                boolean newline = cps[pos] == '\n';
                int run = pos;
                while (pos < end && (cps[pos] == '\n') == newline) pos++;
                out.add(pos - run);
            }
            start = end;
        }
        return out;
    }
}
