package dev.pki.resource.certificate;

import java.util.regex.Pattern;

/** Checks subject alternative names: DNS names (a leading wildcard label allowed) and IP literals. */
final class Sans {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private Sans() {
    }

    static boolean isIp(String san) {
        return IPV4.matcher(san).matches() || (san.contains(":") && IPV6.matcher(san).matches() && parsesAsIp(san));
    }

    /** Null if valid, else what is wrong with it. */
    static String problem(String san) {
        if (isIp(san)) return null;
        if (san.length() > 253) return "longer than 253 characters";
        if (san.matches("[0-9.]+")) return "not a valid IPv4 address";
        String[] labels = san.split("\\.", -1);
        for (int i = 0; i < labels.length; i++) {
            if (i == 0 && labels[i].equals("*") && labels.length > 2) continue;
            if (!LABEL.matcher(labels[i]).matches()) {
                return labels[i].isEmpty() ? "has an empty label" : "label '" + labels[i] + "' is not a valid DNS label";
            }
        }
        return null;
    }

    private static boolean parsesAsIp(String s) {
        try {
            return java.net.InetAddress.getByName(s) != null; // a literal: no lookup happens for IP text
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}
