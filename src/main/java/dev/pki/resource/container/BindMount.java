package dev.pki.resource.container;

/** A host directory (or file) {@code source} made visible inside the container at {@code target}; both absolute. */
record BindMount(String source, String target) {
}
