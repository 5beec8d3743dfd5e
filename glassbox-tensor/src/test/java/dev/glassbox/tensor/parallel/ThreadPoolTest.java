package dev.glassbox.tensor.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ThreadPoolTest {

    @ParameterizedTest
    @CsvSource({"1, 10, 1", "2, 1, 1", "2, 7, 4", "2, 1000, 4", "3, 257, 1", "4, 100000, 32", "2, 3, 8"})
    void everyIndexRunsExactlyOnceInAlignedRanges(int threads, int count, int align) {
        try (ThreadPool pool = new ThreadPool(threads)) {
            for (int repeat = 0; repeat < 50; repeat++) {
                AtomicIntegerArray hits = new AtomicIntegerArray(count);
                pool.forRanges(count, align, (from, to) -> {
                    assertTrue(from < to && from >= 0 && to <= count, from + ".." + to);
                    assertEquals(0, from % align, "range start " + from);
                    if (to != count) assertEquals(0, to % align, "range end " + to);
                    for (int i = from; i < to; i++) hits.incrementAndGet(i);
                });
                for (int i = 0; i < count; i++) assertEquals(1, hits.get(i), "index " + i);
            }
        }
    }

    @Test
    void workIsSharedWithTheWorkers() throws InterruptedException {
        try (ThreadPool pool = new ThreadPool(2)) {
            AtomicInteger onWorker = new AtomicInteger();
            for (int repeat = 0; repeat < 200 && onWorker.get() == 0; repeat++) {
                pool.forRanges(64, 1, (from, to) -> {
                    if (Thread.currentThread().getName().startsWith("glassbox-worker")) onWorker.incrementAndGet();
                    busy(20_000);
                });
            }
            assertTrue(onWorker.get() > 0, "no range ran on the worker");
        }
    }

    @Test
    void theFirstFailureIsRethrownAfterTheOtherRangesFinish() {
        try (ThreadPool pool = new ThreadPool(3)) {
            AtomicInteger finished = new AtomicInteger();
            IllegalStateException failure = new IllegalStateException("range failed");
            IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> pool.forRanges(48, 1, (from, to) -> {
                if (from == 0) throw failure;
                finished.addAndGet(to - from);
            }));
            assertSame(failure, thrown);
            assertEquals(48 - pool.rangeSize(48, 1), finished.get());
            // The pool still works afterwards.
            AtomicInteger sum = new AtomicInteger();
            pool.forRanges(100, 1, (from, to) -> sum.addAndGet(to - from));
            assertEquals(100, sum.get());
        }
    }

    @Test
    void nestedCallsRunSeriallyInsteadOfDeadlocking() {
        try (ThreadPool pool = new ThreadPool(2)) {
            AtomicInteger inner = new AtomicInteger();
            pool.forRanges(16, 1, (from, to) -> pool.forRanges(10, 1, (a, b) -> inner.addAndGet(b - a)));
            assertEquals(160, inner.get());
        }
    }

    @Test
    void serialRunsOneRangeOnTheCaller() {
        Thread caller = Thread.currentThread();
        AtomicInteger calls = new AtomicInteger();
        Parallelism.serial().forRanges(10, 4, (from, to) -> {
            assertEquals(0, from);
            assertEquals(10, to);
            assertSame(caller, Thread.currentThread());
            calls.incrementAndGet();
        });
        Parallelism.serial().forRanges(0, 1, (from, to) -> calls.incrementAndGet());
        assertEquals(1, calls.get());
        assertEquals(1, Parallelism.serial().threads());
    }

    @Test
    void aClosedPoolRunsOnTheCaller() {
        ThreadPool pool = new ThreadPool(2);
        pool.close();
        AtomicInteger sum = new AtomicInteger();
        pool.forRanges(100, 1, (from, to) -> sum.addAndGet(to - from));
        assertEquals(100, sum.get());
    }

    @Test
    void threadsMustBePositive() {
        assertThrows(IllegalArgumentException.class, () -> new ThreadPool(0));
    }

    private static void busy(long nanos) {
        long end = System.nanoTime() + nanos;
        while (System.nanoTime() < end) Thread.onSpinWait();
    }
}
