package sh.grassroots.platform.testing;

import io.restassured.response.Response;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/**
 * Sends requests at the same moment, for the tests of races: each request waits on one gate that
 * opens when all of them are ready, so that they reach the service together.
 */
public final class AtOnce {
    private AtOnce() {
    }

    /** The responses of {@code count} requests, the i-th made by {@code request.apply(i)}, in that order. */
    public static List<Response> send(int count, IntFunction<Response> request) {
        ExecutorService pool = Executors.newFixedThreadPool(count);
        CountDownLatch ready = new CountDownLatch(count);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Response>> futures = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int which = i;
                futures.add(pool.submit(() -> {
                    ready.countDown();
                    go.await();
                    return request.apply(which);
                }));
            }
            ready.await(30, TimeUnit.SECONDS);
            go.countDown();
            List<Response> responses = new ArrayList<>();
            for (Future<Response> future : futures) {
                responses.add(future.get(60, TimeUnit.SECONDS));
            }
            return responses;
        } catch (Exception e) {
            throw new IllegalStateException("Concurrent requests did not complete", e);
        } finally {
            pool.shutdownNow();
        }
    }

    /** Their status codes, in order. */
    public static List<Integer> statuses(List<Response> responses) {
        return responses.stream().map(Response::statusCode).toList();
    }
}
