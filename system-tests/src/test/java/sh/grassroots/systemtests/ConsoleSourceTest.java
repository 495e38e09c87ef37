package sh.grassroots.systemtests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The console's scripts build the page from elements and text nodes only, and load nothing from
 * elsewhere: no HTML sink (the CSP's Trusted Types would make one throw in the browser; this says
 * so before anyone opens it), no eval, no other origin.
 */
class ConsoleSourceTest {
    private static final Pattern FORBIDDEN = Pattern.compile(
            "innerHTML|outerHTML|insertAdjacentHTML|document\\.write|\\beval\\(|new Function\\(|https?://");

    @Test
    void the_console_scripts_take_no_html_and_load_nothing_from_elsewhere() throws Exception {
        Path root = Path.of(System.getProperty("suite.root"), "console/src/main/resources/META-INF/resources/console");
        List<String> found = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(root)) {
            files = walk.filter(p -> p.toString().endsWith(".js") || p.toString().endsWith(".html")).toList();
        }
        for (Path file : files) {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                // the SVG namespace is a name, not an address anything is loaded from
                if (FORBIDDEN.matcher(line.replace("http://www.w3.org/2000/svg", "")).find()) {
                    found.add(root.relativize(file) + ":" + (i + 1) + ": " + line.strip());
                }
            }
        }
        assertTrue(files.size() >= 8, "console files found: " + files);
        assertEquals(List.of(), found);
    }
}
