package dev.glassbox.rasp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Python's semantics, which Tracr's programs and reference outputs rely on. */
class ValuesTest {
    @Test
    void boolsIntsAndFloatsCompareAsNumbers() {
        assertTrue(Values.equal(true, 1));
        assertTrue(Values.equal(1, 1.0));
        assertFalse(Values.equal("1", 1));
        assertEquals(Values.key(true), Values.key(1.0));
        assertEquals(-1, Values.compare(false, 0.5));
    }

    @Test
    void arithmeticFollowsPython() {
        assertEquals(3, Values.add(1, 2));
        assertEquals(2, Values.add(true, true));
        assertEquals(0.5, Values.divide(1, 2));
        assertEquals(2.0, Values.divide(4, 2));
        assertEquals(-2, Values.floorDivide(-3, 2));
        assertEquals(1, Values.modulo(-3, 2));
        assertEquals("ab", Values.add("a", "b"));
        assertThrows(RaspTypeError.class, () -> Values.subtract("a", 1));
        assertThrows(RaspTypeError.class, () -> Values.divide(1, 0));
    }

    @Test
    void integerOverflowIsAnErrorNotAWrappedValue() {
        assertEquals(1L << 40, Values.multiply(1 << 20, 1 << 20));
        assertThrows(RaspTypeError.class, () -> Values.multiply(Long.MAX_VALUE / 2, 3));
        assertThrows(RaspTypeError.class, () -> Values.add(Long.MAX_VALUE, 1));
        assertThrows(RaspTypeError.class, () -> Values.negate(Long.MIN_VALUE));
    }

    @Test
    void formatsLikePythonStr() {
        assertEquals("True", Values.format(true));
        assertEquals("1.0", Values.format(1.0));
        assertEquals("0.5", Values.format(0.5));
        assertEquals("None", Values.format(null));
        assertEquals("(1, 'a')", Values.format(List.of(1, "a")));
    }
}
