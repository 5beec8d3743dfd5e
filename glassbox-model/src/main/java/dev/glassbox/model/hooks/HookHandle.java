package dev.glassbox.model.hooks;

/**
 * A registered hook. Closing it removes the hook from its registry; closing twice does nothing. Use it in
 * try-with-resources so the hook is gone however the block ends.
 */
public interface HookHandle extends AutoCloseable {
    @Override
    void close();
}
