package dev.glassbox.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

class BenchReportTest {

    private static Measurement m(String engine, double promptSeconds, double genSeconds, long rss) {
        return new Measurement(engine, "test", 2, 128, promptSeconds, 32, genSeconds, 1, rss);
    }

    @Test
    void ratiosArePairedPerRoundAndSummarisedByTheirMedian() {
        BenchReport report = new BenchReport("model", 1000);
        report.add(m("glassbox", 4, 4, 1050), m("llama.cpp", 2, 3, 1100));   // gen 8 vs 10.67 -> 0.75; prompt 32 vs 64 -> 0.5
        report.add(m("glassbox", 4, 3.2, 1060), m("llama.cpp", 2, 3.2, 1100)); // gen 10 vs 10 -> 1.0
        report.add(m("glassbox", 2, 3.2, 1040), m("llama.cpp", 2, 3.6, 1100)); // gen 10 vs 8.89 -> 1.125; prompt 1.0
        ObjectNode json = report.json(new ObjectMapper());
        assertEquals(1.0, json.get("median").get("gen_ratio").asDouble(), 1e-9);
        assertEquals(0.5, json.get("median").get("prompt_ratio").asDouble(), 1e-9);
        assertEquals(1.05, json.get("median").get("glassbox_peak_rss_over_file").asDouble(), 1e-9);
        assertEquals(3, json.get("rounds").size());
        String table = report.table();
        assertTrue(table.contains("1.00 (0.75-1.13)"), table);
        assertTrue(table.contains("1.050 (1.040-1.060)"), table);
    }

    @Test
    void withoutTheReferenceOnlyGlassboxIsShown() {
        BenchReport report = new BenchReport("model", 1000);
        report.add(m("glassbox", 4, 4, 1050), null);
        assertTrue(report.table().contains("8.00"), report.table());
        assertTrue(!report.json(new ObjectMapper()).get("median").has("gen_ratio"));
    }
}
