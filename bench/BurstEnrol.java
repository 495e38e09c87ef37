import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;

/**
 * bench/enrolment-burst.sh: every member taps "enrol" at the same instant, each with their own
 * token, through the gateway; each tap is sent once (no retry) and its answer kept. Prints the
 * answers by status, how many first taps succeeded and the latency percentiles.
 * Usage: java bench/BurstEnrol.java GATEWAY_URL SESSION_ID TOKENS_FILE (lines: "personId token").
 */
public class BurstEnrol {
    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String session = args[1];
        List<String[]> members = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of(args[2]))) {
            if (!line.isBlank()) {
                members.add(line.trim().split(" ", 2));
            }
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(30)).build();
        List<HttpRequest> requests = new ArrayList<>();
        for (String[] member : members) {
            requests.add(HttpRequest.newBuilder(URI.create(gateway + "/api/v1/training/sessions/" + session + "/enrolments"))
                    .timeout(Duration.ofSeconds(60))
                    .header("Authorization", "Bearer " + member[1]).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"personId\":\"" + member[0] + "\"}")).build());
        }
        long[] latencies = new long[requests.size()];
        List<CompletableFuture<Integer>> answers = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < requests.size(); i++) {
            int n = i;
            long sent = System.nanoTime();
            answers.add(client.sendAsync(requests.get(i), HttpResponse.BodyHandlers.ofString())
                    .handle((response, failure) -> {
                        latencies[n] = System.nanoTime() - sent;
                        if (failure != null) {
                            return -1;
                        }
                        if (response.statusCode() == 201) {
                            return response.body().contains("\"CONFIRMED\"") ? 2010 : 2011;
                        }
                        return response.statusCode();
                    }));
        }
        Map<String, Integer> byAnswer = new TreeMap<>();
        for (CompletableFuture<Integer> answer : answers) {
            int code = answer.join();
            String key = switch (code) {
                case 2010 -> "201 CONFIRMED";
                case 2011 -> "201 WAITLISTED";
                case -1 -> "no answer (connection failed or timed out)";
                default -> String.valueOf(code);
            };
            byAnswer.merge(key, 1, Integer::sum);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] sorted = latencies.clone();
        java.util.Arrays.sort(sorted);
        int ok = byAnswer.getOrDefault("201 CONFIRMED", 0) + byAnswer.getOrDefault("201 WAITLISTED", 0);
        System.out.printf("burst: %d taps at once, all answered in %.2f s%n", requests.size(), seconds);
        byAnswer.forEach((answer, count) -> System.out.printf("  %-45s %5d%n", answer, count));
        System.out.printf("first-tap success %d of %d (%.1f%%)   p50 %d ms   p99 %d ms   max %d ms%n", ok, requests.size(),
                100.0 * ok / requests.size(), sorted[sorted.length / 2] / 1_000_000,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1_000_000,
                sorted[sorted.length - 1] / 1_000_000);
        System.exit(ok == requests.size() ? 0 : 3);
    }
}
