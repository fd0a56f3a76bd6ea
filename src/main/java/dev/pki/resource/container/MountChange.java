package dev.pki.resource.container;

/** A bind mount that apply adds ({@code before} null) or changes, with its source before and after. */
record MountChange(String target, String before, String after) {
}
