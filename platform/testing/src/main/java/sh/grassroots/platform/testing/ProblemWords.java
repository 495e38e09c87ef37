package sh.grassroots.platform.testing;

import sh.grassroots.platform.web.Languages;
import sh.grassroots.platform.web.ProblemCatalogue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Checks that every problem a module can write has its words in both languages of the
 * {@link ProblemCatalogue}. The slugs are read where the code writes them: literal slugs handed
 * to {@code Problem.of/withErrors}, {@code ProblemException.conflict/unprocessable} and to a
 * rule value's constructor ({@code new Rejection("…")}, {@code new Refusal("…")}), and the
 * {@code slug()} of every enum of the module (its rules).
 */
public final class ProblemWords {
    private static final List<Pattern> LITERAL_SLUGS = List.of(
            Pattern.compile("Problem\\.(?:of|withErrors)\\(\\s*\\d{3}\\s*,\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("(?:conflict|unprocessable)\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("new \\w*(?:Rejection|Refusal)\\(\\s*\"([a-z0-9-]+)\""),
            Pattern.compile("Rule\\.of\\(\\s*\"([a-z0-9-]+)\"\\s*,\\s*RuleKind\\."));
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    private ProblemWords() {
    }

    /** The slugs the module's sources (src/main/java) and enums (target/classes) under {@code basePackage} write. */
    public static Set<String> slugsUsed(String basePackage) {
        Set<String> slugs = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String source = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern pattern : LITERAL_SLUGS) {
                    Matcher m = pattern.matcher(source);
                    while (m.find()) {
                        if (!m.group(1).endsWith("-")) {
                            slugs.add(m.group(1));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        slugs.addAll(enumSlugs(basePackage));
        return slugs;
    }

    private static Set<String> enumSlugs(String basePackage) {
        Set<String> slugs = new TreeSet<>();
        Path classes = Path.of("target/classes");
        Path root = classes.resolve(basePackage.replace('.', '/'));
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
                String name = classes.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type = Class.forName(name, false, loader);
                if (!type.isEnum()) {
                    continue;
                }
                Method slug;
                try {
                    slug = type.getMethod("slug");
                } catch (NoSuchMethodException none) {
                    continue;
                }
                for (Object constant : type.getEnumConstants()) {
                    slugs.add((String) slug.invoke(constant));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
        return slugs;
    }

    /**
     * Fails naming every slug without a title in English or Chinese, and every English entry
     * without its Chinese one carrying the same data.
     */
    public static void assertBothLanguages(Set<String> slugs) {
        ProblemCatalogue catalogue = ProblemCatalogue.load(Thread.currentThread().getContextClassLoader());
        Properties english = catalogue.entries(Languages.ENGLISH);
        Properties chinese = catalogue.entries(Languages.CHINESE);
        List<String> missing = new ArrayList<>();
        for (String slug : slugs) {
            if (!english.containsKey(slug + ".title")) {
                missing.add(slug + ".title (en)");
            }
            if (!chinese.containsKey(slug + ".title")) {
                missing.add(slug + ".title (zh-CN)");
            }
        }
        for (String key : new TreeSet<>(english.stringPropertyNames())) {
            if (!chinese.containsKey(key)) {
                missing.add(key + " (zh-CN)");
            } else if (!key.startsWith("term.")
                    && !placeholders(english.getProperty(key)).equals(placeholders(chinese.getProperty(key)))) {
                missing.add(key + " (zh-CN keeps other data than en)");
            }
        }
        if (!missing.isEmpty()) {
            fail("Problem words missing from problems_en.properties / problems_zh_CN.properties:\n  "
                    + String.join("\n  ", missing));
        }
    }

    private static Set<String> placeholders(String text) {
        Set<String> found = new TreeSet<>();
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            found.add(m.group());
        }
        return found;
    }
}
