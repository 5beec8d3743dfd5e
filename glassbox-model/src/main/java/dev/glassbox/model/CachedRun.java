package dev.glassbox.model;

import dev.glassbox.model.hooks.ActivationCache;

/** A run's logits [position][outputSize] and the activations it cached. */
public record CachedRun(float[][] logits, ActivationCache cache) {}
