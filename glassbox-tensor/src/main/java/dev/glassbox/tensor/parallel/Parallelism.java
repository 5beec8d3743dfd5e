package dev.glassbox.tensor.parallel;

/**
 * How many threads share a product, and the means to share it: {@link #forRanges} cuts [0, count) into
 * ranges and runs each range once, on one of the threads. Products split their output rows this way; each
 * row's sum is computed in the same order whichever thread computes it, so results do not depend on the
 * number of threads.
 *
 * <pre>{@code
 * try (ThreadPool pool = new ThreadPool(2)) {
 *     pool.forRanges(rows, 4, (from, to) -> computeRows(from, to));   // returns when every range is done
 * }
 * Parallelism.serial().forRanges(rows, 1, task);                        // one range, on the caller's thread
 * }</pre>
 *
 * There is no process-wide pool: whoever configures the run (the CLI's {@code --threads}) creates one
 * and passes it in.
 */
public interface Parallelism {

    /** Threads that work on a product, the caller's included; at least 1. */
    int threads();

    /**
     * Runs {@code task} over ranges that cover [0, count) exactly once, and returns when all have finished.
     * Every range but the last starts and ends on a multiple of {@code align}. The first exception a task
     * throws is rethrown here, after the other ranges have finished.
     */
    void forRanges(int count, int align, RangeTask task);

    /** A part of a split job: the indices from (inclusive) to (exclusive). */
    @FunctionalInterface
    interface RangeTask {
        void run(int from, int to);
    }

    /** Everything on the caller's thread, as one range. */
    static Parallelism serial() {
        return Serial.INSTANCE;
    }

    /** The serial implementation. */
    enum Serial implements Parallelism {
        INSTANCE;

        @Override
        public int threads() {
            return 1;
        }

        @Override
        public void forRanges(int count, int align, RangeTask task) {
            if (count > 0) task.run(0, count);
        }
    }
}
