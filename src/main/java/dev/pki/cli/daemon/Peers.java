package dev.pki.cli.daemon;

import java.io.IOException;
import java.nio.channels.SocketChannel;

/** Who is at the other end of a Unix socket, as the kernel says (SO_PEERCRED). */
final class Peers {

    private Peers() {
    }

    /** Whether the peer runs as this process's user: the directory already keeps others out; this makes sure. */
    static boolean sameUser(SocketChannel channel) throws IOException {
        return channel.getOption(jdk.net.ExtendedSocketOptions.SO_PEERCRED).user().getName().equals(System.getProperty("user.name"));
    }
}
