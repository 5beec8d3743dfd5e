package dev.glassbox.interp.choice;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 4180 CSV: fields separated by commas, records by line breaks; a field in double quotes may hold
 * commas, line breaks and doubled quotes ("" for "). MMLU's files are written this way. As Python's csv
 * module reads them, a quote inside an unquoted field is an ordinary character (MMLU's val split has one).
 */
final class Csv {
    private Csv() {}

    /** @throws IllegalArgumentException on a quote left open, with the record it started in */
    static List<List<String>> parse(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        boolean quoted = false, any = false, open = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
            } else if (c == '"' && field.length() == 0 && !open) {
                quoted = true;
                open = true;
                any = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                any = true;
                open = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') i++;
                if (any || field.length() > 0) {
                    record.add(field.toString());
                    records.add(record);
                }
                record = new ArrayList<>();
                field.setLength(0);
                any = false;
                open = false;
            } else {
                field.append(c);
                any = true;
                open = true;
            }
        }
        if (quoted) throw new IllegalArgumentException("a quoted field of record " + (records.size() + 1) + " is never closed");
        if (any || field.length() > 0) {
            record.add(field.toString());
            records.add(record);
        }
        return records;
    }
}
