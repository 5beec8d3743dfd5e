package dev.glassbox.model.generate;

import dev.glassbox.core.InvalidInputException;
import dev.glassbox.model.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Gemma's chat format (the instruction-tuned Gemma 1, 2 and 3 models), exactly as llama.cpp writes it
 * ({@code llm_chat_apply_template}, {@code LLM_CHAT_TEMPLATE_GEMMA}) and as the models' own Jinja template does
 * for user and model turns:
 * <pre>
 *   &lt;bos&gt;&lt;start_of_turn&gt;user
 *   SYSTEM
 *
 *   USER&lt;end_of_turn&gt;
 *   &lt;start_of_turn&gt;model
 *   REPLY&lt;end_of_turn&gt;
 *   &lt;start_of_turn&gt;model
 * </pre>
 * Each content is trimmed of leading and trailing ASCII white space (C's {@code isspace}); the assistant's
 * role is written "model"; Gemma has no system turn, so system contents (trimmed, concatenated) go at the
 * start of the next user turn, followed by a blank line; the last line, the generation prompt, is added on
 * request. {@code <start_of_turn>} and {@code <end_of_turn>} are control tokens: {@link #encode} puts in their
 * ids, as llama.cpp's tokenizer does with {@code parse_special}, and encodes only the text between them, so a
 * user's text that spells a marker stays text. The model ends its reply with {@code <end_of_turn>}.
 */
public final class GemmaChatTemplate {
    public static final String START_OF_TURN = "<start_of_turn>", END_OF_TURN = "<end_of_turn>";

    private GemmaChatTemplate() {}

    /** The conversation as text, without BOS (which the tokenizer adds). */
    public static String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        StringBuilder out = new StringBuilder();
        for (Part p : parts(messages, addGenerationPrompt)) out.append(p.text());
        return out.toString();
    }

    /**
     * BOS, then the conversation's ids: the markers as their control tokens, the text between them encoded by
     * {@code tokenizer}.
     *
     * @throws InvalidInputException when the vocabulary lacks BOS or Gemma's turn markers
     */
    public static int[] encode(Tokenizer tokenizer, List<ChatMessage> messages, boolean addGenerationPrompt) {
        int bos = tokenizer.bos().orElseThrow(() -> new InvalidInputException(
                "this vocabulary has no BOS token, which Gemma's chat format starts with"));
        int start = id(tokenizer, START_OF_TURN), end = id(tokenizer, END_OF_TURN);
        List<Integer> ids = new ArrayList<>(List.of(bos));
        for (Part p : parts(messages, addGenerationPrompt)) {
            if (p.marker()) {
                ids.add(p.text().equals(START_OF_TURN) ? start : end);
            } else {
                for (int id : tokenizer.encode(p.text())) ids.add(id);
            }
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * The id of {@code <end_of_turn>}, with which the model ends its reply.
     *
     * @throws InvalidInputException when the vocabulary has none (not a Gemma vocabulary)
     */
    public static int endOfTurn(Tokenizer tokenizer) {
        return id(tokenizer, END_OF_TURN);
    }

    /** A piece of the rendered conversation: a turn marker or plain text. */
    private record Part(String text, boolean marker) {}

    private static List<Part> parts(List<ChatMessage> messages, boolean addGenerationPrompt) {
        List<Part> parts = new ArrayList<>();
        StringBuilder system = new StringBuilder();
        for (ChatMessage m : messages) {
            if (m.role() == ChatMessage.Role.SYSTEM) {
                system.append(trim(m.content()));
                continue;
            }
            String role = m.role() == ChatMessage.Role.ASSISTANT ? "model" : "user";
            StringBuilder text = new StringBuilder(role).append('\n');
            if (!system.isEmpty() && !role.equals("model")) {
                text.append(system).append("\n\n");
                system.setLength(0);
            }
            text.append(trim(m.content()));
            parts.add(new Part(START_OF_TURN, true));
            parts.add(new Part(text.toString(), false));
            parts.add(new Part(END_OF_TURN, true));
            parts.add(new Part("\n", false));
        }
        if (addGenerationPrompt) {
            parts.add(new Part(START_OF_TURN, true));
            parts.add(new Part("model\n", false));
        }
        return parts;
    }

    /** Without leading and trailing ' ', \t, \n, \u000B, \f and \r, as llama.cpp's {@code trim} (C's isspace). */
    static String trim(String s) {
        int start = 0, end = s.length();
        while (start < end && isSpace(s.charAt(start))) start++;
        while (end > start && isSpace(s.charAt(end - 1))) end--;
        return s.substring(start, end);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || (c >= '\t' && c <= '\r');
    }

    private static int id(Tokenizer tokenizer, String piece) {
        for (int id = 0; id < tokenizer.vocabSize(); id++) {
            if (tokenizer.piece(id).equals(piece)) return id;
        }
        throw new InvalidInputException("this vocabulary has no " + piece + " token; Gemma's chat format needs a Gemma"
                + " (1, 2 or 3) instruction-tuned model");
    }
}
