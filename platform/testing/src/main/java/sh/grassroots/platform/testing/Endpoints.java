package sh.grassroots.platform.testing;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every HTTP endpoint a service serves, found by reflection over its JAX-RS resources, as
 * {@code "METHOD /path/{param}"}. The access matrix test of each service compares its entries with
 * this list, so that an endpoint added without an entry fails the build.
 */
public final class Endpoints {
    private static final List<String> METHODS = List.of("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD");

    private Endpoints() {
    }

    /** The endpoints of the resources in {@code basePackage} and below (main classes only). */
    public static Set<String> of(String basePackage) {
        Set<String> endpoints = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage)) {
            if (!type.isAnnotatedWith("jakarta.ws.rs.Path")) {
                continue;
            }
            endpoints.addAll(of(type.reflect()));
        }
        return endpoints;
    }

    /** The endpoints one resource class declares. */
    public static Set<String> of(Class<?> resource) {
        String base = pathOf(resource.getAnnotations());
        Set<String> endpoints = new TreeSet<>();
        for (Method method : resource.getMethods()) {
            String http = httpMethodOf(method);
            if (http == null) {
                continue;
            }
            String sub = pathOf(method.getAnnotations());
            endpoints.add(http + " " + join(base, sub));
        }
        return endpoints;
    }

    /**
     * Fails naming every endpoint without an entry and every entry that names no endpoint
     * (a renamed path must not leave a stale entry that proves nothing).
     */
    public static void assertCovered(Set<String> entries, Set<String> endpoints) {
        List<String> missing = new ArrayList<>();
        for (String endpoint : endpoints) {
            if (!entries.contains(endpoint)) {
                missing.add(endpoint);
            }
        }
        List<String> stale = new ArrayList<>();
        for (String entry : entries) {
            if (!endpoints.contains(entry)) {
                stale.add(entry);
            }
        }
        if (!missing.isEmpty() || !stale.isEmpty()) {
            throw new AssertionError("The access matrix must list every endpoint exactly:"
                    + (missing.isEmpty() ? "" : "\n  endpoints without an entry: " + missing)
                    + (stale.isEmpty() ? "" : "\n  entries that name no endpoint: " + stale));
        }
    }

    private static String httpMethodOf(Method method) {
        for (Annotation a : method.getAnnotations()) {
            String name = a.annotationType().getName();
            if (name.startsWith("jakarta.ws.rs.") && METHODS.contains(a.annotationType().getSimpleName())) {
                return a.annotationType().getSimpleName();
            }
        }
        return null;
    }

    private static String pathOf(Annotation[] annotations) {
        for (Annotation a : annotations) {
            if (a.annotationType().getName().equals("jakarta.ws.rs.Path")) {
                try {
                    return (String) a.annotationType().getMethod("value").invoke(a);
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return "";
    }

    /** Joins path parts with single slashes and drops parameter regexes: {@code {id: [0-9]+}} is {@code {id}}. */
    static String join(String base, String sub) {
        String path = ("/" + base + "/" + sub).replaceAll("/+", "/");
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.replaceAll("\\{\\s*([A-Za-z0-9_]+)\\s*:[^}]*}", "{$1}");
    }
}
