package dev.glassbox.interp.circuits;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.glassbox.core.SharedFiles;
import dev.glassbox.interp.model.InterpModel;
import dev.glassbox.interp.model.InterpModels;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Spectra and one compression curve on stories260K (grouped queries, rotary positions, RMSNorm). */
class Stories260KCircuitsTest {
    static final InterpModel MODEL = InterpModels.load(SharedFiles.require("models/stories260K/stories260K.bin"),
            SharedFiles.require("models/stories260K/tok512.bin"));

    /** A trained head uses its whole width: every circuit has full rank d_head = 8. */
    @Test
    void everyCircuitHasFullRank() {
        for (HeadSpectrum s : Spectra.of(MODEL.transformer())) {
            assertEquals(8, s.qk().length);
            assertEquals(8, s.qkRank(), s.name());
            assertEquals(8, s.ovRank(), s.name());
        }
    }

    /**
     * At k = 0 queries or keys of zero make every score zero, so projecting either gives the same uniform head:
     * the two curves start at the same point. At k = 8 the projector is the identity on the head's row space.
     */
    @Test
    void compressionCurveEndsAtZeroAndStartsWhereQueriesAndKeysAgree() {
        Compression c = new Compression(MODEL.transformer(), List.of(MODEL.prompt("Tom had a red ball. He liked to throw the ball.").tokens()), 1);
        CompressionCurve q = c.curve(4, 4, Subspace.QUERY), k = c.curve(4, 4, Subspace.KEY);
        // (the key edit runs on the KV-expanded copy, whose kernels may round differently in the last bits)
        assertEquals(q.points().getFirst().change().meanKl(), k.points().getFirst().change().meanKl(), 1e-6);
        assertTrue(q.points().getFirst().change().meanKl() > 1e-3);
        for (CompressionCurve curve : List.of(q, k, c.curve(4, 4, Subspace.VALUE))) {
            assertEquals(0, curve.points().getLast().change().meanKl(), 1e-9, curve.subspace().toString());
            assertEquals(0, curve.points().getLast().headChange(), 1e-4, curve.subspace().toString());
        }
        assertArrayEquals(new int[] {0, 1, 2, 3, 4, 5, 6, 7, 8}, q.points().stream().mapToInt(CompressionPoint::k).toArray());
    }
}
