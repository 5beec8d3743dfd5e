package dev.glassbox.tensor.parallel;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A fixed set of worker threads for splitting products by rows, made for many short jobs in a row (a
 * forward pass runs hundreds of products per token, each a fraction of a millisecond): the caller works on
 * its own job too, ranges are claimed from a shared counter (so a thread slowed by other load simply takes
 * fewer), and idle workers spin for a moment before parking, so the next product starts without a
 * wake-up. Close the pool to stop its threads.
 *
 * <p>One job runs at a time. A call made while another thread's job runs, or from inside a task, runs
 * serially on its caller instead of waiting (so nesting cannot deadlock).
 */
public final class ThreadPool implements Parallelism, AutoCloseable {
    /** Idle workers watch for the next job this long before parking. */
    private static final long SPIN_NANOS = 200_000;
    /** Ranges per thread: more ranges balance uneven progress; each costs one atomic increment. */
    private static final int RANGES_PER_THREAD = 8;

    private final int threads;
    private final Thread[] workers;
    private final ReentrantLock submitting = new ReentrantLock();
    private volatile Job job;
    private volatile boolean closed;
    private long generation;

    /** A pool of {@code threads} threads in all: the caller of each job and {@code threads - 1} workers. */
    public ThreadPool(int threads) {
        if (threads < 1) throw new IllegalArgumentException("threads is " + threads + "; it must be at least 1");
        this.threads = threads;
        this.workers = new Thread[threads - 1];
        for (int i = 0; i < workers.length; i++) {
            workers[i] = Thread.ofPlatform().daemon().name("glassbox-worker-" + (i + 1)).unstarted(this::workerLoop);
            workers[i].start();
        }
    }

    @Override
    public int threads() {
        return threads;
    }

    @Override
    public void forRanges(int count, int align, RangeTask task) {
        if (align < 1) throw new IllegalArgumentException("align is " + align + "; it must be at least 1");
        if (count <= 0) return;
        int size = rangeSize(count, align);
        int ranges = Math.ceilDiv(count, size);
        if (ranges == 1 || workers.length == 0 || closed || isWorker() || submitting.isHeldByCurrentThread()
                || !submitting.tryLock()) {
            task.run(0, count);
            return;
        }
        try {
            Job j = new Job(++generation, task, count, size, ranges);
            job = j;
            for (Thread w : workers) LockSupport.unpark(w);
            j.work();
            j.awaitDone();
            j.rethrow();
        } finally {
            submitting.unlock();
        }
    }

    /** count / (threads * RANGES_PER_THREAD), rounded up to a multiple of align, at most count. */
    int rangeSize(int count, int align) {
        long wanted = Math.ceilDiv((long) count, (long) threads * RANGES_PER_THREAD);
        return (int) Math.min(count, Math.ceilDiv(wanted, align) * align);
    }

    @Override
    public void close() {
        closed = true;
        for (Thread w : workers) LockSupport.unpark(w);
    }

    private boolean isWorker() {
        Thread current = Thread.currentThread();
        for (Thread w : workers) if (w == current) return true;
        return false;
    }

    private void workerLoop() {
        long seen = 0;
        while (true) {
            Job j = nextJob(seen);
            if (j == null) return;
            seen = j.generation;
            j.work();
        }
    }

    /** Waits for a job newer than {@code seen}: spinning first, then parked; null once closed. */
    private Job nextJob(long seen) {
        long spinUntil = System.nanoTime() + SPIN_NANOS;
        while (true) {
            if (closed) return null;
            Job j = job;
            if (j != null && j.generation > seen) return j;
            if (System.nanoTime() < spinUntil) {
                Thread.onSpinWait();
            } else {
                LockSupport.park(this); // the submitter unparks after publishing, so no wake-up is lost
            }
        }
    }

    /** One call of forRanges: range i is [i*size, min((i+1)*size, count)). */
    private static final class Job {
        final long generation;
        final RangeTask task;
        final int count, size, ranges;
        final AtomicInteger next = new AtomicInteger();
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();

        Job(long generation, RangeTask task, int count, int size, int ranges) {
            this.generation = generation;
            this.task = task;
            this.count = count;
            this.size = size;
            this.ranges = ranges;
        }

        /** Claims and runs ranges until none are left. */
        void work() {
            for (int i; (i = next.getAndIncrement()) < ranges; ) {
                try {
                    int from = i * size;
                    task.run(from, Math.min(count, from + size));
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                } finally {
                    done.incrementAndGet();
                }
            }
        }

        void awaitDone() {
            for (int spins = 0; done.get() < ranges; spins++) {
                if (spins < 1 << 16) Thread.onSpinWait(); else Thread.yield();
            }
        }

        void rethrow() {
            Throwable t = failure.get();
            if (t instanceof RuntimeException e) throw e;
            if (t instanceof Error e) throw e;
            if (t != null) throw new IllegalStateException(t);
        }
    }
}
