package sh.grassroots.platform.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The words of problems in each language, keyed by the problem's slug, so that call sites keep
 * writing one English problem and the edge answers it in the reader's language.
 * <p>
 * Two bundles per language are merged, the platform's common one
 * ({@code sh/grassroots/platform/web/problems_<lang>.properties}) and the service's own
 * ({@code problems_<lang>.properties} at the root of its classpath), the service's winning:
 * <ul>
 *   <li>{@code <slug>.title} — the title; a Chinese reader always gets it;</li>
 *   <li>{@code <slug>.detail} and {@code <slug>.detail.<variant>} — details; the English entry is
 *   the pattern the code writes, {@code {0}}, {@code {1}} … standing for the data it carries
 *   (an id, a date, a field name), which the translation keeps;</li>
 *   <li>{@code detail.<variant>} — details shared by several slugs;</li>
 *   <li>{@code field.<variant>} — messages of {@code errors[]};</li>
 *   <li>{@code term.<word>} — a word the data of a detail may be (e.g. {@code term.organization}),
 *   translated where it stands.</li>
 * </ul>
 * A detail no English pattern matches is left as written: the English text carries its data, and
 * the title still says what happened in the reader's language.
 */
public final class ProblemCatalogue {
    static final String PLATFORM_BUNDLE = "sh/grassroots/platform/web/problems";
    static final String SERVICE_BUNDLE = "problems";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)}");
    private static volatile ProblemCatalogue shared;

    private final Properties english;
    private final Map<Locale, Properties> translations = new HashMap<>();
    private final Map<String, List<Entry>> patternsByPrefix = new java.util.concurrent.ConcurrentHashMap<>();

    private record Entry(String key, Pattern regex, List<Integer> argumentOrder, int literalLength) {
    }

    private ProblemCatalogue(ClassLoader loader) {
        this.english = load(loader, "en");
        translations.put(Languages.CHINESE, load(loader, "zh_CN"));
        translations.put(Languages.ENGLISH, english);
    }

    /** The catalogue of the running application (its class loader's bundles). */
    public static ProblemCatalogue shared() {
        ProblemCatalogue catalogue = shared;
        if (catalogue == null) {
            catalogue = load(loaderOf());
            shared = catalogue;
        }
        return catalogue;
    }

    public static ProblemCatalogue load(ClassLoader loader) {
        return new ProblemCatalogue(loader);
    }

    private static ClassLoader loaderOf() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : ProblemCatalogue.class.getClassLoader();
    }

    /** Every key of the language's merged bundles (for the completeness checks of the services). */
    public Properties entries(Locale locale) {
        Properties copy = new Properties();
        copy.putAll(locale.equals(Languages.ENGLISH) ? english : translations.get(Languages.CHINESE));
        return copy;
    }

    /** The English title written for {@code slug}, when it has one without placeholders. */
    String plainEnglishTitle(String slug) {
        String title = english.getProperty(slug + ".title");
        return title == null || PLACEHOLDER.matcher(title).find() ? null : title;
    }

    /** {@code problem} as a reader of {@code locale} should see it; the type slug never changes. */
    public Problem localize(Problem problem, Locale locale) {
        if (problem == null || Languages.ENGLISH.equals(locale)) {
            return problem;
        }
        Properties target = translations.getOrDefault(locale, translations.get(Languages.CHINESE));
        String slug = problem.slug();
        String title = translate(slug + ".title", problem.title(), target);
        if (title == null || title.equals(problem.title())) {
            String plain = target.getProperty(slug + ".title");
            if (plain != null && !PLACEHOLDER.matcher(plain).find()) {
                title = plain;
            }
        }
        String detail = problem.detail();
        if (detail != null) {
            String translated = translate(slug + ".detail", detail, target);
            detail = translated.equals(detail) ? translate("detail", detail, target) : translated;
        }
        List<Problem.FieldError> errors = problem.errors() == null ? null : problem.errors().stream()
                .map(e -> new Problem.FieldError(e.field(), e.message() == null ? null : translate("field", e.message(), target)))
                .toList();
        return new Problem(problem.type(), title, problem.status(), detail, problem.instance(), errors);
    }

    private String translate(String prefix, String text, Properties target) {
        if (text == null) {
            return null;
        }
        for (Entry entry : patterns(prefix)) {
            Matcher matcher = entry.regex().matcher(text);
            if (!matcher.matches()) {
                continue;
            }
            String translation = target.getProperty(entry.key());
            if (translation == null) {
                return text;
            }
            Map<Integer, String> arguments = new HashMap<>();
            for (int group = 1; group <= matcher.groupCount(); group++) {
                arguments.put(entry.argumentOrder().get(group - 1), term(matcher.group(group), target));
            }
            Matcher placeholders = PLACEHOLDER.matcher(translation);
            StringBuilder out = new StringBuilder();
            while (placeholders.find()) {
                String value = arguments.getOrDefault(Integer.parseInt(placeholders.group(1)), placeholders.group());
                placeholders.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            placeholders.appendTail(out);
            return out.toString();
        }
        return text;
    }

    private static String term(String value, Properties target) {
        String translated = target.getProperty("term." + value.trim().toLowerCase(Locale.ROOT).replace(' ', '-'));
        return translated == null ? value : translated;
    }

    private List<Entry> patterns(String prefix) {
        return patternsByPrefix.computeIfAbsent(prefix, p -> {
            List<Entry> entries = new ArrayList<>();
            for (String key : english.stringPropertyNames()) {
                if (key.equals(p) || key.startsWith(p + ".")) {
                    entries.add(compile(key, english.getProperty(key)));
                }
            }
            // The most specific pattern first: "… organization {1} and district {2}" before "… organization {1}".
            entries.sort(Comparator.comparingInt((Entry e) -> -e.literalLength()).thenComparing(Entry::key));
            return List.copyOf(entries);
        });
    }

    private static Entry compile(String key, String pattern) {
        Matcher placeholders = PLACEHOLDER.matcher(pattern);
        StringBuilder regex = new StringBuilder();
        List<Integer> order = new ArrayList<>();
        int last = 0;
        int literal = 0;
        while (placeholders.find()) {
            regex.append(Pattern.quote(pattern.substring(last, placeholders.start()))).append("(.*?)");
            literal += placeholders.start() - last;
            order.add(Integer.parseInt(placeholders.group(1)));
            last = placeholders.end();
        }
        regex.append(Pattern.quote(pattern.substring(last)));
        literal += pattern.length() - last;
        return new Entry(key, Pattern.compile(regex.toString(), Pattern.DOTALL), List.copyOf(order), literal);
    }

    private static Properties load(ClassLoader loader, String language) {
        Properties merged = new Properties();
        read(loader, PLATFORM_BUNDLE + "_" + language + ".properties", merged);
        read(loader, SERVICE_BUNDLE + "_" + language + ".properties", merged);
        return merged;
    }

    private static void read(ClassLoader loader, String resource, Properties into) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                into.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + resource, e);
        }
    }
}
