package sh.grassroots.platform.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 exchange over a plain socket, the bytes as given: for what client libraries do not
 * send as written (a NUL character in a header is dropped or changed on the way by some of them).
 */
public final class RawExchange {
    private RawExchange() {
    }

    /** Status, Content-Type (null when none) and body of the answer. */
    public record Answer(int status, String contentType, String body) {
    }

    public static Answer send(String method, String absoluteUri, Map<String, String> headers, String body) {
        URI uri = URI.create(absoluteUri);
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder(method).append(' ').append(uri.getRawPath())
                .append(uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()).append(" HTTP/1.1\r\n")
                .append("Host: ").append(uri.getHost()).append(':').append(uri.getPort()).append("\r\n")
                .append("Connection: close\r\n");
        headers.forEach((name, value) -> {
            if (!name.equalsIgnoreCase("host") && !name.equalsIgnoreCase("connection")
                    && !name.equalsIgnoreCase("content-length")) {
                head.append(name).append(": ").append(value).append("\r\n");
            }
        });
        if (body != null) {
            head.append("Content-Length: ").append(content.length).append("\r\n");
        }
        head.append("\r\n");
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            out.write(content);
            out.flush();
            return parse(readAll(socket.getInputStream()));
        } catch (IOException e) {
            throw new IllegalStateException("No answer from " + absoluteUri, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        in.transferTo(bytes);
        return bytes.toByteArray();
    }

    private static Answer parse(byte[] raw) {
        String all = new String(raw, StandardCharsets.UTF_8);
        int endOfHead = all.indexOf("\r\n\r\n");
        String head = endOfHead < 0 ? all : all.substring(0, endOfHead);
        String rest = endOfHead < 0 ? "" : all.substring(endOfHead + 4);
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].split(" ")[1]);
        String contentType = null;
        for (String line : lines) {
            if (line.toLowerCase().startsWith("content-type:")) {
                contentType = line.substring("content-type:".length()).trim();
            }
        }
        return new Answer(status, contentType, rest);
    }
}
