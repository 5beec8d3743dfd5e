package dev.glassbox.cli.interp;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.glassbox.core.GlassboxException;
import dev.glassbox.core.InvalidInputException;
import dev.glassbox.interp.report.JsonForms;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import picocli.CommandLine.Option;

/** --json (one object on stdout) and -o report.html (a self-contained report); a summary otherwise. */
final class ReportOptions {
    @Option(names = "--json", description = "print the result as one JSON object")
    boolean json;

    @Option(names = {"-o", "--output"}, paramLabel = "REPORT.html", description = "write a self-contained HTML report")
    Path html;

    /** Writes what was asked for: the JSON, the report, and (without --json) a short summary. */
    void emit(PrintWriter out, ObjectNode result, Supplier<String> report, Supplier<String> summary) {
        if (html != null) write(report.get());
        if (json) {
            out.println(JsonForms.write(result));
        } else {
            out.print(summary.get());
            if (html != null) out.println("wrote " + html);
        }
    }

    private void write(String text) {
        if (!html.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".html")) {
            throw new InvalidInputException("-o " + html + ": reports are HTML; give a file name ending in .html");
        }
        try {
            if (html.toAbsolutePath().getParent() != null) Files.createDirectories(html.toAbsolutePath().getParent());
            Files.writeString(html, text);
        } catch (IOException e) {
            throw new GlassboxException("cannot write " + html + ": " + e.getMessage());
        }
    }
}
