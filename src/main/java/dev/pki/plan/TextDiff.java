package dev.pki.plan;

/** Old and new text of a file's content, for a unified diff in the plan. Never used for sensitive content. */
public record TextDiff(String path, String before, String after) {
}
