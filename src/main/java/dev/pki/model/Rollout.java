package dev.pki.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * How a {@code hosts(...)} block rolls out across its hosts, Ansible's way: {@code serial} batches
 * (a count, a percentage such as {@code '25%'}, or a list of growing batch sizes such as
 * {@code [1, 5, '20%']} whose last entry repeats), {@code maxFailPercentage} (stop starting new
 * batches when more than this share of a batch failed) and {@code anyErrorsFatal} (any failure
 * stops the whole run).
 */
public record Rollout(List<Object> serial, Integer maxFailPercentage, boolean anyErrorsFatal) {

    public static final Rollout DEFAULT = new Rollout(List.of(), null, false);

    public Rollout {
        serial = List.copyOf(serial);
    }

    /** Reads a block's options; throws IllegalArgumentException with a user-facing message. */
    public static Rollout parse(Map<String, Object> options) {
        List<Object> serial = new ArrayList<>();
        Object s = options.get("serial");
        if (s != null) {
            for (Object entry : s instanceof List<?> l ? l : List.of(s)) serial.add(batchSize(entry));
            if (serial.isEmpty()) throw new IllegalArgumentException("serial must not be an empty list");
        }
        Integer maxFail = null;
        Object m = options.get("maxFailPercentage");
        if (m != null) {
            if (!(m instanceof Integer i) || i < 0 || i > 100) {
                throw new IllegalArgumentException("maxFailPercentage must be a whole number from 0 to 100, got " + m);
            }
            maxFail = i;
        }
        Object a = options.get("anyErrorsFatal");
        if (a != null && !(a instanceof Boolean)) throw new IllegalArgumentException("anyErrorsFatal must be true or false, got " + a);
        return new Rollout(serial, maxFail, Boolean.TRUE.equals(a));
    }

    private static Object batchSize(Object entry) {
        if (entry instanceof Integer i && i > 0) return i;
        if (entry instanceof CharSequence cs) {
            String text = cs.toString().strip();
            if (text.matches("\\d{1,3}%")) {
                int p = Integer.parseInt(text.substring(0, text.length() - 1));
                if (p >= 1 && p <= 100) return text;
            }
        }
        throw new IllegalArgumentException("serial takes a positive number, a percentage such as '25%', or a list of them; got " + entry);
    }

    /** The hosts in batches, in order. Without {@code serial}, one batch of all hosts. */
    public List<List<String>> batches(List<String> hosts) {
        List<List<String>> batches = new ArrayList<>();
        if (serial.isEmpty()) {
            if (!hosts.isEmpty()) batches.add(List.copyOf(hosts));
            return batches;
        }
        int next = 0;
        for (int i = 0; next < hosts.size(); i++) {
            int size = size(serial.get(Math.min(i, serial.size() - 1)), hosts.size());
            int end = Math.min(hosts.size(), next + size);
            batches.add(List.copyOf(hosts.subList(next, end)));
            next = end;
        }
        return batches;
    }

    /** A percentage of the play's hosts, rounded down but at least one, as Ansible does. */
    private static int size(Object entry, int total) {
        if (entry instanceof Integer i) return i;
        int percent = Integer.parseInt(entry.toString().replace("%", ""));
        return Math.max(1, total * percent / 100);
    }

    /** Whether a batch with {@code failed} of {@code size} hosts failing exceeds the limit. */
    public boolean exceeded(int failed, int size) {
        if (failed == 0) return false;
        if (anyErrorsFatal) return true;
        return maxFailPercentage != null && failed * 100 > maxFailPercentage * size;
    }
}
