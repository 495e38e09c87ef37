package sh.grassroots.k8s;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Renders a kustomization with {@code kubectl kustomize} (or a standalone {@code kustomize build}). */
final class Kustomize {
    private Kustomize() {
    }

    /** The repository root: -Dgrassroots.root (set by the POM), else the parent of this module. */
    static Path root() {
        String configured = System.getProperty("grassroots.root");
        Path root = (configured != null ? Path.of(configured) : Path.of("").toAbsolutePath().getParent()).toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s"))) {
            throw new IllegalStateException("no k8s/ folder under " + root);
        }
        return root;
    }

    static List<Path> overlays() throws IOException {
        try (Stream<Path> s = Files.list(root().resolve("k8s/overlays"))) {
            return s.filter(d -> Files.isRegularFile(d.resolve("kustomization.yaml"))).sorted().toList();
        }
    }

    /** Where local/tools.sh installs kubectl when the machine has none. */
    static Path localTools() {
        return root().resolve(".local/tools/bin");
    }

    /** The command to render with, or empty when neither kubectl nor kustomize is installed. */
    static Optional<List<String>> command() {
        for (String tool : List.of("kubectl", "kustomize")) {
            Optional<Path> exe = onPath(tool);
            if (exe.isPresent()) {
                return Optional.of(tool.equals("kubectl")
                        ? List.of(exe.get().toString(), "kustomize") : List.of(exe.get().toString(), "build"));
            }
        }
        return Optional.empty();
    }

    private static Optional<Path> onPath(String tool) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("") + File.pathSeparator + "/usr/bin" + File.pathSeparator
                + "/usr/local/bin" + File.pathSeparator + localTools();
        for (String dir : path.split(File.pathSeparator)) {
            if (!dir.isEmpty()) {
                Path candidate = Path.of(dir, tool);
                if (Files.isExecutable(candidate)) {
                    return Optional.of(candidate);
                }
            }
        }
        return Optional.empty();
    }

    static String render(Path kustomization) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command().orElseThrow(() -> new IllegalStateException(
                "neither kubectl nor kustomize is installed: run local/tools.sh kubectl (bin/test does), or install kubectl >= 1.27")));
        cmd.add(kustomization.toString());
        Path err = Files.createTempFile("kustomize", ".err");
        try {
            Process p = new ProcessBuilder(cmd).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120s");
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed (" + p.exitValue() + "): " + Files.readString(err));
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** The documents of a multi-document YAML stream (empty documents dropped). */
    static List<Map<String, Object>> parse(String yaml) {
        LoaderOptions options = new LoaderOptions();
        options.setCodePointLimit(50 * 1024 * 1024);
        List<Map<String, Object>> docs = new ArrayList<>();
        for (Object doc : new Yaml(options).loadAll(yaml)) {
            if (doc instanceof Map) {
                docs.add(Y.map(doc));
            }
        }
        return docs;
    }
}
