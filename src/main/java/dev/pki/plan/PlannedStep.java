package dev.pki.plan;

import dev.pki.resource.Resource;

/** One step on one host with the change planned for it. */
public record PlannedStep(String host, Resource step, Change change) {
}
