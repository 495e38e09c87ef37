import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * bin/faults' stand-in for a Kubernetes Service in front of a service's replicas: listens on
 * 127.0.0.1:PORT and hands each new connection to the next backend (round robin), skipping one
 * that refuses. Usage: Balancer PORT BACKEND_PORT...
 */
public class Balancer {
    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        List<Integer> backends = java.util.Arrays.stream(args).skip(1).map(Integer::parseInt).toList();
        AtomicInteger next = new AtomicInteger();
        try (ServerSocket server = new ServerSocket(port, 200, InetAddress.getLoopbackAddress())) {
            while (true) {
                Socket client = server.accept();
                new Thread(() -> serve(client, backends, next)).start();
            }
        }
    }

    private static void serve(Socket client, List<Integer> backends, AtomicInteger next) {
        Socket upstream = null;
        for (int tried = 0; tried < backends.size() && upstream == null; tried++) {
            int backend = backends.get(Math.floorMod(next.getAndIncrement(), backends.size()));
            try {
                Socket s = new Socket();
                s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), backend), 1000);
                upstream = s;
            } catch (IOException refused) {
                // the next one
            }
        }
        if (upstream == null) {
            close(client);
            return;
        }
        Socket up = upstream;
        new Thread(() -> pipe(client, up)).start();
        pipe(up, client);
    }

    private static void pipe(Socket from, Socket to) {
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // either side closed
        } finally {
            close(from);
            close(to);
        }
    }

    private static void close(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
