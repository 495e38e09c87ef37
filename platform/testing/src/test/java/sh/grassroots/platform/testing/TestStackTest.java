package sh.grassroots.platform.testing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TestStackTest {
    private static final Map<String, String> BIN_TEST = Map.of("DB_HOST", "127.0.0.1", "DB_PORT", "23456",
            "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:34567");

    @Test
    void the_stack_bin_test_started_is_used_and_no_socket_is_even_probed() {
        List<Path> probed = new ArrayList<>();
        Optional<TestStack.Decision> d = TestStack.decide(BIN_TEST, s -> probed.add(s));
        assertEquals(TestStack.Source.BIN_TEST, d.orElseThrow().source());
        assertEquals(List.of(), probed);
        assertEquals(Map.of(), new TestStack.Resource(BIN_TEST, s -> true).start());
    }

    @Test
    void without_bin_test_a_docker_socket_that_answers_brings_both_from_containers() {
        TestStack.Decision d = TestStack.decide(Map.of("HOME", "/home/member"), Path.of("/var/run/docker.sock")::equals).orElseThrow();
        assertEquals(TestStack.Source.CONTAINERS, d.source());
        assertEquals(Optional.of(Path.of("/var/run/docker.sock")), d.socket());
        assertFalse(d.databaseGiven());
        assertFalse(d.kafkaGiven());
    }

    @Test
    void a_rootless_podman_socket_is_found_under_the_runtime_dir() {
        Path podman = Path.of("/run/user/1000/podman/podman.sock");
        TestStack.Decision d = TestStack.decide(Map.of("XDG_RUNTIME_DIR", "/run/user/1000"), podman::equals).orElseThrow();
        assertEquals(Optional.of(podman), d.socket());
    }

    @Test
    void a_unix_DOCKER_HOST_is_probed_first_and_a_remote_one_is_left_to_testcontainers() {
        List<Path> probed = new ArrayList<>();
        TestStack.decide(Map.of("DOCKER_HOST", "unix:///tmp/custom.sock"), s -> probed.add(s) && false);
        assertEquals(Path.of("/tmp/custom.sock"), probed.get(0));
        TestStack.Decision remote = TestStack.decide(Map.of("DOCKER_HOST", "tcp://docker.internal:2375"), s -> false).orElseThrow();
        assertEquals(TestStack.Source.CONTAINERS, remote.source());
        assertEquals(Optional.empty(), remote.socket());
    }

    @Test
    void only_what_bin_test_did_not_give_comes_from_a_container() {
        TestStack.Decision d = TestStack.decide(Map.of("DB_HOST", "127.0.0.1"), s -> true).orElseThrow();
        assertEquals(TestStack.Source.CONTAINERS, d.source());
        assertTrue(d.databaseGiven());
        assertFalse(d.kafkaGiven());
    }

    @Test
    void with_neither_the_stack_nor_a_socket_the_tests_stop_with_one_line_naming_bin_test() {
        assertEquals(Optional.empty(), TestStack.decide(Map.of("HOME", "/root"), s -> false));
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> new TestStack.Resource(Map.of("HOME", "/root"), s -> false).start());
        assertEquals(TestStack.USE_BIN_TEST, e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertTrue(e.getMessage().contains("bin/test"));
    }

    @Test
    void a_socket_counts_while_something_listens_on_it_and_not_after(@TempDir Path dir) throws Exception {
        Path socket = dir.resolve("docker.sock");
        assertFalse(TestStack.answers(socket), "no file");
        try (ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
            server.bind(UnixDomainSocketAddress.of(socket));
            assertTrue(TestStack.answers(socket), "listening");
        }
        assertTrue(socket.toFile().exists(), "the socket file stays behind");
        assertFalse(TestStack.answers(socket), "a stale socket file");
    }
}
