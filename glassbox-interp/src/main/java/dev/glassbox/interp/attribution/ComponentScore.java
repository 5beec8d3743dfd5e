package dev.glassbox.interp.attribution;

/** One component's direct contribution to the target. */
public record ComponentScore(String component, double dla) {}
