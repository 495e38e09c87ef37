import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stands in for the docker CLI where there is no Docker engine, so that Quarkus' Jib build can
 * write an image to a file: Jib "loads" a local image by piping a docker-save tarball into
 * {@code docker load} and then reads {@code docker inspect}. This answers both from files in
 * $IMAGE_TAR_DIR (one {@code <image name>.tar} per image). Used by bin/images --tar, with
 * -Dquarkus.docker.executable-name pointing at the docker-cli-to-tar script beside it.
 *
 * Two commands of its own: {@code make-base <out.tar>} writes a stand-in base image (one small
 * layer, no JRE: it proves the build, it does not run), and {@code describe <image.tar>} prints
 * what an image's configuration says (user, entrypoint, ports, tags, layers).
 */
public class DockerCliToTar {
    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "" : args[0];
        switch (command) {
            case "info" -> System.out.println("{\"OSType\":\"linux\",\"Architecture\":\"x86_64\",\"ServerVersion\":\"none (image written to a file)\"}");
            case "load" -> load();
            case "inspect" -> inspect(args[args.length - 1]);
            case "make-base" -> makeBase(Path.of(args[1]));
            case "describe" -> describe(Path.of(args[1]));
            default -> {
                System.err.println("docker-cli-to-tar: unsupported command " + String.join(" ", args));
                System.exit(1);
            }
        }
    }

    private static Path dir() throws IOException {
        String d = System.getenv("IMAGE_TAR_DIR");
        if (d == null || d.isBlank()) {
            throw new IllegalStateException("IMAGE_TAR_DIR is not set");
        }
        return Files.createDirectories(Path.of(d));
    }

    private static void load() throws Exception {
        Path incoming = Files.createTempFile(dir(), "incoming", ".tar");
        try (InputStream in = System.in; OutputStream out = Files.newOutputStream(incoming)) {
            in.transferTo(out);
        }
        Map<String, byte[]> entries = entries(incoming);
        String tag = first(string(entries.get("manifest.json")), "\"RepoTags\"\\s*:\\s*\\[\\s*\"([^\"]+)\"");
        Files.move(incoming, dir().resolve(fileName(tag)), StandardCopyOption.REPLACE_EXISTING);
        System.out.println("Loaded image: " + tag);
    }

    private static void inspect(String reference) throws Exception {
        Path tar = dir().resolve(fileName(reference));
        Map<String, byte[]> entries = entries(tar);
        String configName = first(string(entries.get("manifest.json")), "\"Config\"\\s*:\\s*\"([^\"]+)\"");
        byte[] config = entries.get(configName);
        String diffIds = first(string(config), "\"diff_ids\"\\s*:\\s*(\\[[^\\]]*\\])");
        System.out.println("{\"Size\":" + Files.size(tar) + ",\"Id\":\"sha256:" + sha256(config) + "\",\"RootFS\":{\"Layers\":" + diffIds + "}}");
    }

    private static void describe(Path tar) throws Exception {
        Map<String, byte[]> entries = entries(tar);
        String manifest = string(entries.get("manifest.json"));
        String config = string(entries.get(first(manifest, "\"Config\"\\s*:\\s*\"([^\"]+)\"")));
        System.out.println("image      " + first(manifest, "\"RepoTags\"\\s*:\\s*(\\[[^\\]]*\\])"));
        for (String field : List.of("User", "Entrypoint", "Cmd", "WorkingDir", "ExposedPorts", "Env", "Labels")) {
            Matcher m = Pattern.compile("\"" + field + "\"\\s*:\\s*(\\[[^\\]]*\\]|\\{(?:[^{}]|\\{[^{}]*\\})*\\}|\"[^\"]*\"|null)").matcher(config);
            System.out.printf("%-10s %s%n", field, m.find() ? m.group(1) : "-");
        }
        System.out.println("layers     " + first(manifest, "\"Layers\"\\s*:\\s*(\\[[^\\]]*\\])"));
    }

    private static void makeBase(Path out) throws Exception {
        byte[] layer = tar(Map.of("etc/stand-in-base.txt",
                "A stand-in base image made offline by bin/images --offline-base: no JRE, it does not run.\n"
                        .getBytes(StandardCharsets.UTF_8)));
        String layerId = sha256(layer);
        byte[] config = ("{\"architecture\":\"amd64\",\"os\":\"linux\",\"config\":{\"Env\":[\"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\"]},"
                + "\"rootfs\":{\"type\":\"layers\",\"diff_ids\":[\"sha256:" + layerId + "\"]},"
                + "\"history\":[{\"created_by\":\"bin/images --offline-base\"}]}").getBytes(StandardCharsets.UTF_8);
        String configName = sha256(config) + ".json";
        byte[] manifest = ("[{\"Config\":\"" + configName + "\",\"RepoTags\":[\"stand-in/base:offline\"],\"Layers\":[\"" + layerId + "/layer.tar\"]}]")
                .getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(configName, config);
        files.put(layerId + "/layer.tar", layer);
        files.put("manifest.json", manifest);
        Files.write(out, tar(files));
    }

    private static String fileName(String reference) {
        String name = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        String last = colon > slash ? name.substring(slash + 1, colon) : name.substring(slash + 1);
        return last + ".tar";
    }

    /** The regular files of an (uncompressed, ustar) tar archive. */
    private static Map<String, byte[]> entries(Path tar) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(tar)) {
            byte[] header = new byte[512];
            String longName = null;
            while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
                String name = longName != null ? longName : field(header, 0, 100);
                String prefix = field(header, 345, 155);
                if (longName == null && !prefix.isEmpty()) {
                    name = prefix + "/" + name;
                }
                longName = null;
                long size = Long.parseLong(field(header, 124, 12).trim().isEmpty() ? "0" : field(header, 124, 12).trim(), 8);
                byte[] data = in.readNBytes((int) size);
                in.skipNBytes((512 - size % 512) % 512);
                char type = (char) header[156];
                if (type == 'L') {
                    longName = string(data).replace("\0", "");
                } else if (type == '0' || type == '\0') {
                    out.put(name.startsWith("./") ? name.substring(2) : name, data);
                }
            }
        }
        return out;
    }

    private static byte[] tar(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            byte[] h = new byte[512];
            put(h, 0, f.getKey());
            put(h, 100, "0000644");
            put(h, 108, "0000000");
            put(h, 116, "0000000");
            put(h, 124, String.format("%011o", f.getValue().length));
            put(h, 136, "00000000000");
            java.util.Arrays.fill(h, 148, 156, (byte) ' ');
            h[156] = '0';
            put(h, 257, "ustar");
            put(h, 263, "00");
            int sum = 0;
            for (byte b : h) {
                sum += b & 0xff;
            }
            put(h, 148, String.format("%06o", sum));
            h[154] = 0;
            out.write(h);
            out.write(f.getValue());
            out.write(new byte[(512 - f.getValue().length % 512) % 512]);
        }
        out.write(new byte[1024]);
        return out.toByteArray();
    }

    private static void put(byte[] header, int at, String value) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, at, b.length);
    }

    private static String field(byte[] header, int at, int length) {
        int end = at;
        while (end < at + length && header[end] != 0) {
            end++;
        }
        return new String(header, at, end - at, StandardCharsets.US_ASCII);
    }

    private static String first(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("not found: " + regex);
        }
        return m.group(1);
    }

    private static String string(byte[] bytes) {
        return bytes == null ? "" : new String(bytes, StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
