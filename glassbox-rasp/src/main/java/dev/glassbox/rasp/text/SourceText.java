package dev.glassbox.rasp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The text of one {@code .rasp} file and its name: turns character offsets into {@code line:col}. */
record SourceText(String fileName, String text, int[] lineStarts) {

    static SourceText of(String fileName, String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\n' || (c == '\r' && (i + 1 >= text.length() || text.charAt(i + 1) != '\n'))) starts.add(i + 1);
        }
        return new SourceText(fileName, text, starts.stream().mapToInt(Integer::intValue).toArray());
    }

    /** 1-based line of an offset. */
    int line(int offset) {
        int i = Arrays.binarySearch(lineStarts, offset);
        return (i >= 0 ? i : -i - 2) + 1;
    }

    /** 1-based column of an offset, counted in characters. */
    int column(int offset) {
        return offset - lineStarts[line(offset) - 1] + 1;
    }

    /** {@code line:col} of an offset, as shown inside messages ("opened at 3:5"). */
    String lineColumn(int offset) {
        return line(offset) + ":" + column(offset);
    }

    /** {@code file:line:col: }, the prefix of every message about this file. */
    String prefix(int offset) {
        return fileName + ":" + lineColumn(offset) + ": ";
    }

    RaspSyntaxException syntaxError(int offset, String problem) {
        return new RaspSyntaxException(fileName, line(offset), column(offset), problem);
    }

    RaspTypeCheckException typeError(int offset, String problem) {
        return new RaspTypeCheckException(fileName, line(offset), column(offset), problem);
    }
}
