package dev.pki.resource.ca;

import dev.pki.crypto.KeyType;
import dev.pki.model.Lifetime;

/** Settings of one level of a CA (root or intermediate). */
public record Tier(String subject, Lifetime validity, KeyType keyType, int pathLen) {
}
