package dev.pki.apply;

/** How a step ended on a host. */
public enum StepOutcome { OK, CHANGED, FAILED, SKIPPED }
