/**
 * Everything users read: plans, apply progress, the recap and diagnostics. The only package that
 * imports Jansi; colour is decided once, in {@link dev.pki.render.Style}.
 */
package dev.pki.render;
