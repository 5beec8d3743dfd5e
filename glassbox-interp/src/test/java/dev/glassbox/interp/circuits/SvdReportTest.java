package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.glassbox.interp.CompiledPrograms;
import dev.glassbox.interp.model.CompiledInterpModel;
import dev.glassbox.interp.report.JsonForms;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON form and HTML report of a QK/OV study, on a numerical program (no KL: the largest logit change). */
class SvdReportTest {
    @Test
    void numericalProgramsReportTheLargestLogitChange() throws Exception {
        CompiledInterpModel m = CompiledPrograms.get("frac_prevs");
        List<HeadSpectrum> spectra = Spectra.of(m.transformer());
        List<String> texts = List.of("a b a", "c a a b");
        Compression c = new Compression(m.transformer(), texts.stream().map(t -> m.prompt(t).tokens()).toList(), 1);
        List<CompressionCurve> curves = List.of(c.curve(0, 0, Subspace.VALUE));
        JsonNode o = new ObjectMapper().readTree(JsonForms.write(CircuitsJson.of(m.name(), spectra, texts, 1, 1e-3, curves)));
        JsonNode point = o.get("compression").get("curves").get(0).get("points").get(0);
        assertTrue(point.get("mean_kl").isNull(), "one numerical output: no distribution");
        assertEquals(1.0, point.get("max_logit_change").asDouble(), 1e-6); // W_OV at k = 0 moves nothing: the fraction is lost
        assertEquals(1, o.get("compression").get("curves").get(0).get("smallest_k_within_tolerance").asInt());
        String html = SvdReport.render(m.name(), spectra, texts, 1, 1e-3, curves);
        assertTrue(html.contains("largest logit change"));
        assertFalse(html.replace("xmlns='http://www.w3.org/2000/svg'", "").contains("http"));
    }
}
