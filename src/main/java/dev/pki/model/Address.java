package dev.pki.model;

/** A step's identity within a host: its type and its name, shown as {@code certificate nginx.internal}. */
public record Address(String type, String name) implements Comparable<Address> {

    @Override
    public String toString() {
        return type + " " + name;
    }

    @Override
    public int compareTo(Address o) {
        int c = type.compareTo(o.type);
        return c != 0 ? c : name.compareTo(o.name);
    }
}
