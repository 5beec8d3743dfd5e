package dev.glassbox.tensor.quant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Long rows multiplied several at a time give exactly the one-row kernel's values, whatever the grouping. */
class RowGroupsTest {

    @ParameterizedTest
    @CsvSource({"Q8_0, 7", "Q8_0, 4", "Q4_0, 7", "Q4_0, 2"})
    void groupedRowsEqualOneRowAtATime(GgmlType type, int rows) {
        int cols = RowGroups.ONE_ROW_UP_TO + 32;
        assertTrue(RowGroups.serves(type, cols));
        Random random = new Random(rows);
        float[] values = new float[rows * cols];
        for (int i = 0; i < values.length; i++) values[i] = (float) random.nextGaussian();
        QuantizedMatrix m = QuantizedMatrix.quantize(type, rows, cols, values).withKernels(BlockKernels.vector());
        float[] x = new float[cols + 5];
        for (int i = 0; i < x.length; i++) x[i] = (float) random.nextGaussian();
        float[] y = new float[rows + 1];
        m.matVec(x, 5, y, 1);
        for (int from = 0; from < rows; from++) { // groups start wherever a thread's range starts
            float[] part = new float[rows];
            RowGroups.product(type, m.data(), cols, from, rows, x, 5, part, 0);
            for (int r = from; r < rows; r++) {
                float one = VectorBlockKernels.INSTANCE.dot(type, m.data(), r * type.rowBytes(cols), x, 5, cols);
                assertEquals(one, y[r + 1], 0f, type + " row " + r);
                assertEquals(one, part[r], 0f, type + " row " + r + " in groups from " + from);
            }
        }
    }
}
