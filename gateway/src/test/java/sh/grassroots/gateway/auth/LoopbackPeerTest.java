package sh.grassroots.gateway.auth;

import io.vertx.core.net.SocketAddress;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Who gets a development token: a peer on this machine only, judged by the connection alone. */
class LoopbackPeerTest {

    @Test
    void a_loopback_peer_is_on_this_machine() {
        assertTrue(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "127.0.0.1")));
        assertTrue(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "127.8.9.10")));
        assertTrue(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "0:0:0:0:0:0:0:1")));
        assertTrue(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "::1")));
        assertTrue(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "::ffff:127.0.0.1")));
    }

    @Test
    void a_peer_on_the_lan_or_beyond_is_not() {
        for (String peer : new String[] {"192.168.1.20", "10.0.0.5", "172.17.0.1", "203.0.113.9", "0.0.0.0",
                "fe80::1", "2001:db8::1", "::ffff:192.168.1.20"}) {
            assertFalse(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, peer)), peer);
        }
    }

    @Test
    void a_name_instead_of_an_address_is_not_looked_up_and_not_trusted() {
        assertFalse(DevTokenResource.fromLoopback(SocketAddress.inetSocketAddress(50000, "localhost")));
        assertFalse(DevTokenResource.fromLoopback(SocketAddress.domainSocketAddress("/tmp/gateway.sock")));
        assertFalse(DevTokenResource.fromLoopback(null));
    }
}
