import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.RequestOptions;

import java.util.Set;

/**
 * The floor of the gateway's stack, for bench/gateway-vs-nginx.sh: a reverse proxy in plain
 * Vert.x, built against the gateway's own Vert.x and Netty jars, with no Quarkus, no routing, no
 * token check, no metrics. Like the gateway it keeps connections to the service alive (one pool
 * per event loop), copies the headers both ways less the hop-by-hop ones, and answers a small
 * answer whole. Usage: java -cp ... BareVertxProxy listenPort upstreamHost upstreamPort [eventLoops]
 */
public class BareVertxProxy {
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "proxy-authenticate",
            "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host");

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        String upstreamHost = args[1];
        int upstreamPort = Integer.parseInt(args[2]);
        int eventLoops = args.length > 3 ? Integer.parseInt(args[3]) : 1;
        Vertx vertx = Vertx.vertx(new VertxOptions().setEventLoopPoolSize(eventLoops));
        vertx.deployVerticle(() -> new AbstractVerticle() {
            private HttpClient client;

            @Override
            public void start() {
                client = vertx.createHttpClient(new HttpClientOptions().setMaxPoolSize(64).setKeepAlive(true));
                vertx.createHttpServer().requestHandler(this::forward).listen(port, "127.0.0.1");
            }

            private void forward(HttpServerRequest request) {
                HttpServerResponse response = request.response();
                client.request(new RequestOptions().setMethod(request.method()).setHost(upstreamHost)
                        .setPort(upstreamPort).setURI(request.uri())).onSuccess(outgoing -> {
                    request.headers().forEach(h -> {
                        if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                            outgoing.headers().add(h.getKey(), h.getValue());
                        }
                    });
                    outgoing.send().onSuccess(answer -> {
                        response.setStatusCode(answer.statusCode());
                        answer.headers().forEach(h -> {
                            if (!HOP_BY_HOP.contains(h.getKey().toLowerCase())) {
                                response.headers().add(h.getKey(), h.getValue());
                            }
                        });
                        answer.body().onSuccess(response::end).onFailure(e -> response.reset());
                    }).onFailure(e -> response.setStatusCode(502).end());
                }).onFailure(e -> response.setStatusCode(502).end());
            }
        }, new DeploymentOptions().setInstances(eventLoops));
    }
}
