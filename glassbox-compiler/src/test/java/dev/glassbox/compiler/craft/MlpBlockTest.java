package dev.glassbox.compiler.craft;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class MlpBlockTest {
    private static final BasisDirection A = BasisDirection.of("a"), B = BasisDirection.of("b");
    private static final BasisDirection SHARED = BasisDirection.of("shared");

    private static MlpBlock part(BasisDirection out) {
        Linear first = new Linear().add(Directions.BOS, SHARED, 1);
        Linear second = new Linear().add(SHARED, out, -1);
        return new MlpBlock(List.of(Directions.BOS), List.of(SHARED), first, second, List.of(out));
    }

    @Test
    void aSharedNeuronIsFedOnceAndWritesForEveryPart() {
        MlpBlock both = MlpBlock.inParallel(List.of(part(A), part(B)), false);
        assertEquals(1, both.width());
        assertEquals(1, both.first().get(Directions.BOS, SHARED));
        assertEquals(-1, both.second().get(SHARED, A));
        assertEquals(-1, both.second().get(SHARED, B));
    }

    @Test
    void theOriginalFeedsASharedNeuronOncePerPart() {
        MlpBlock both = MlpBlock.inParallel(List.of(part(A), part(B)), true);
        assertEquals(1, both.width());
        assertEquals(2, both.first().get(Directions.BOS, SHARED), "fires twice as strongly");
    }

    @Test
    void sharingANeuronFedDifferentlyIsABug() {
        MlpBlock other = new MlpBlock(List.of(Directions.ONE), List.of(SHARED), new Linear().add(Directions.ONE, SHARED, 1),
                new Linear(), List.of());
        assertThrows(IllegalStateException.class, () -> MlpBlock.inParallel(List.of(part(A), other), false));
    }
}
