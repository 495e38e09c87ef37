package sh.grassroots.k8s;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Strimzi's CustomResourceDefinitions for API version v1, generated the way Strimzi's own build
 * does (io.strimzi:crd-generator) from its API model on Maven Central (io.strimzi:api, the
 * version in the POM's strimzi.version). Strimzi 1.x is compiled for Java 21, so the generator
 * runs in a JDK 21+ of this machine; the result is kept under target/ for the next run.
 */
final class StrimziCrds {
    static final Map<String, String> MODELS = new LinkedHashMap<>();

    static {
        MODELS.put("io.strimzi.api.kafka.model.kafka.Kafka", "kafka.yaml");
        MODELS.put("io.strimzi.api.kafka.model.nodepool.KafkaNodePool", "kafkanodepool.yaml");
        MODELS.put("io.strimzi.api.kafka.model.topic.KafkaTopic", "kafkatopic.yaml");
        MODELS.put("io.strimzi.api.kafka.model.user.KafkaUser", "kafkauser.yaml");
    }

    private StrimziCrds() {
    }

    static String version() {
        return Optional.ofNullable(System.getProperty("strimzi.version"))
                .orElseThrow(() -> new IllegalStateException("-Dstrimzi.version is not set (the POM sets it)"));
    }

    static synchronized List<Path> files() {
        Path dir = Kustomize.root().resolve("k8s-tests/target/strimzi-crds-" + version());
        List<Path> files = MODELS.values().stream().map(dir::resolve).toList();
        if (files.stream().allMatch(Files::isRegularFile)) {
            return files;
        }
        try {
            generate(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return files;
    }

    private static void generate(Path dir) throws IOException, InterruptedException {
        Path javaBin = jdk21().orElseThrow(() -> new IllegalStateException(
                "Strimzi " + version() + "'s API model is compiled for Java 21: no JDK 21+ found (this JVM, $STRIMZI_CRD_JAVA_HOME, "
                        + "/usr/lib/jvm/*); install one (e.g. Temurin 21) to generate the Strimzi CRD schemas"));
        Files.createDirectories(dir);
        Path tmp = Files.createTempDirectory(dir.getParent(), "strimzi-crds");
        List<String> cmd = new ArrayList<>(List.of(javaBin.toString(), "-cp", System.getProperty("java.class.path"),
                "io.strimzi.crdgenerator.CrdGenerator", "--yaml", "--crd-api-version", "v1",
                "--api-versions", "v1", "--storage-version", "v1", "--target-kube", "1.27+"));
        MODELS.forEach((model, file) -> cmd.add(model + "=" + tmp.resolve(file)));
        Path log = tmp.resolve("generator.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("Strimzi's CRD generator did not finish in 120s");
        }
        if (p.exitValue() != 0) {
            throw new IllegalStateException("Strimzi's CRD generator failed (" + p.exitValue() + "): " + Files.readString(log));
        }
        for (String file : MODELS.values()) {
            Files.move(tmp.resolve(file), dir.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        Files.deleteIfExists(log);
        Files.deleteIfExists(tmp);
    }

    /** This JVM when it is 21+, else $STRIMZI_CRD_JAVA_HOME, else the newest JDK 21+ under /usr/lib/jvm. */
    static Optional<Path> jdk21() throws IOException {
        if (Runtime.version().feature() >= 21) {
            return Optional.of(Path.of(System.getProperty("java.home"), "bin", "java"));
        }
        List<Path> homes = new ArrayList<>();
        Optional.ofNullable(System.getenv("STRIMZI_CRD_JAVA_HOME")).map(Path::of).ifPresent(homes::add);
        Path jvms = Path.of("/usr/lib/jvm");
        if (Files.isDirectory(jvms)) {
            try (Stream<Path> s = Files.list(jvms)) {
                s.sorted(java.util.Comparator.reverseOrder()).forEach(homes::add);
            }
        }
        for (Path home : homes) {
            Path java = home.resolve("bin/java");
            if (Files.isExecutable(java) && featureVersion(home) >= 21) {
                return Optional.of(java);
            }
        }
        return Optional.empty();
    }

    private static int featureVersion(Path home) throws IOException {
        Path release = home.resolve("release");
        if (!Files.isRegularFile(release)) {
            return -1;
        }
        Matcher m = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(Files.readString(release, StandardCharsets.UTF_8));
        return m.find() ? Integer.parseInt(m.group(1)) : -1;
    }
}
