package sh.grassroots.k8s;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What the code says the deployment must provide, read from the sources of the checkout:
 * each Quarkus app (a module with src/main/resources/application.properties naming
 * quarkus.application.name), the environment variables its configuration reads, its HTTP port,
 * and every Kafka topic named in the code.
 */
record CodeFacts(Map<String, App> apps, Set<String> topics) {

    /** One Quarkus app; {@code envDefaults} maps each ${VAR:default} it reads to its default. */
    record App(String name, Path module, Map<String, String> envDefaults, Properties properties) {
        int defaultHttpPort() {
            Matcher m = ENV_REF.matcher(properties.getProperty("quarkus.http.port", "${HTTP_PORT:8080}"));
            String raw = m.find() ? (m.group(2) == null ? "8080" : m.group(2)) : properties.getProperty("quarkus.http.port");
            return Integer.parseInt(raw.trim());
        }

        /** Health and metrics on a port of their own (quarkus.management.enabled, a build-time setting). */
        boolean managementEnabled() {
            return "true".equals(properties.getProperty("quarkus.management.enabled", "false").trim());
        }

        /** The management port with {@code env} applied (Quarkus' default is 9000). */
        int managementPort(Map<String, String> env) {
            String value = resolve("quarkus.management.port", env);
            Integer port = value == null || value.isBlank() ? Integer.valueOf(9000) : Y.integer(value.trim());
            return port == null ? -1 : port;
        }

        String metricsPath() {
            return properties.getProperty("quarkus.micrometer.export.prometheus.path", "/q/metrics");
        }

        boolean reads(String env) {
            return envDefaults.containsKey(env);
        }

        /** A property's value with ${VAR:default} taken from {@code env} and ${other.prop} expanded. */
        String resolve(String property, Map<String, String> env) {
            String value = properties.getProperty(property);
            return value == null ? null : expand(value, env, 0);
        }

        private String expand(String value, Map<String, String> env, int depth) {
            Matcher m = ANY_REF.matcher(value);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = m.group(1);
                String def = m.group(2);
                String v;
                if (ENV_NAME.matcher(key).matches()) {
                    v = env.containsKey(key) && !env.get(key).isEmpty() ? env.get(key) : def;
                } else {
                    v = properties.getProperty(key, def);
                }
                v = v == null ? "" : (depth < 5 ? expand(v, env, depth + 1) : v);
                m.appendReplacement(out, Matcher.quoteReplacement(v));
            }
            m.appendTail(out);
            return out.toString();
        }
    }

    static final Pattern ENV_NAME = Pattern.compile("[A-Z][A-Z0-9_]*");
    /** ${ENV_VAR} or ${ENV_VAR:default}: upper-case names are environment variables. */
    static final Pattern ENV_REF = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");
    private static final Pattern ANY_REF = Pattern.compile("\\$\\{([^}:]+)(?::([^}]*))?}");
    /** Topic names by the platform's convention: {@code <service>.<aggregate>.v<N>}, optionally .dlq/.retry. */
    static final Pattern TOPIC = Pattern.compile("\"([a-z][a-z0-9-]*(?:\\.[a-z][a-z0-9-]*)+\\.v[0-9]+(?:\\.dlq|\\.retry)?)\"");
    private static final Pattern CHANNEL = Pattern.compile("mp\\.messaging\\.(incoming|outgoing)\\.([^.]+)\\.(.+)");

    static CodeFacts scan(Path root) {
        Map<String, App> apps = new TreeMap<>();
        Set<String> topics = new TreeSet<>();
        for (Path module : modules(root)) {
            Path props = module.resolve("src/main/resources/application.properties");
            if (Files.isRegularFile(props)) {
                Properties p = load(props);
                String name = p.getProperty("quarkus.application.name");
                if (name != null) {
                    apps.put(name, new App(name, module, envDefaults(props), p));
                }
                topics.addAll(propertyTopics(p));
            }
            Path main = module.resolve("src/main");
            if (Files.isDirectory(main)) {
                try (Stream<Path> files = Files.walk(main)) {
                    for (Path f : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                        Matcher m = TOPIC.matcher(Files.readString(f));
                        while (m.find()) {
                            topics.add(m.group(1));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return new CodeFacts(apps, topics);
    }

    /** Maven modules of the checkout that have sources (root/*, root/platform/*), not this module. */
    static List<Path> modules(Path root) {
        List<Path> out = new ArrayList<>();
        for (Path dir : List.of(root, root.resolve("platform"))) {
            try (Stream<Path> children = Files.list(dir)) {
                children.filter(c -> Files.isRegularFile(c.resolve("pom.xml")) && Files.isDirectory(c.resolve("src/main")))
                        .filter(c -> !c.getFileName().toString().equals("k8s-tests"))
                        .sorted().forEach(out::add);
            } catch (IOException e) {
                if (dir.equals(root)) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return out;
    }

    /** Every ${ENV_VAR:default} on a non-comment line of the file, in order of appearance. */
    static Map<String, String> envDefaults(Path props) {
        Map<String, String> out = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(props)) {
                if (line.trim().startsWith("#") || line.trim().startsWith("!")) {
                    continue;
                }
                Matcher m = ENV_REF.matcher(line);
                while (m.find()) {
                    out.putIfAbsent(m.group(1), m.group(2));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** Topics of SmallRye Kafka channels: the topic= value, or the channel name when none is set. */
    static Set<String> propertyTopics(Properties p) {
        Set<String> out = new TreeSet<>();
        Map<String, Map<String, String>> channels = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.endsWith(".topic") || key.endsWith(".dead-letter-queue.topic")) {
                String v = p.getProperty(key).trim();
                if (!v.contains("${") && !v.isEmpty()) {
                    out.add(v);
                }
            }
            Matcher m = CHANNEL.matcher(key);
            if (m.matches()) {
                channels.computeIfAbsent(m.group(2), c -> new TreeMap<>()).put(m.group(3), p.getProperty(key));
            }
        }
        channels.forEach((channel, attrs) -> {
            if ("smallrye-kafka".equals(attrs.get("connector")) && !attrs.containsKey("topic")
                    && !attrs.containsKey("topics") && !attrs.containsKey("pattern")) {
                out.add(channel);
            }
        });
        return out;
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(Files.readString(file)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    /** A copy with one more topic, as if the code had started using it. */
    CodeFacts withTopic(String topic) {
        Set<String> t = new TreeSet<>(topics);
        t.add(topic);
        return new CodeFacts(apps, t);
    }

    /** A copy in which {@code app} also reads {@code env}, as if its configuration had gained ${env}. */
    CodeFacts withEnv(String app, String env) {
        Map<String, App> a = new TreeMap<>(apps);
        App old = a.get(app);
        Map<String, String> defaults = new LinkedHashMap<>(old.envDefaults());
        defaults.put(env, null);
        a.put(app, new App(old.name(), old.module(), defaults, old.properties()));
        return new CodeFacts(a, topics);
    }
}
