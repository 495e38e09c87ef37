package sh.grassroots.stations.booking.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Runs the no-show release on every replica; the row locks keep the replicas from doing the same work. */
@ApplicationScoped
public class NoShowJob {
    private final NoShowRelease release;

    public NoShowJob(NoShowRelease release) {
        this.release = release;
    }

    @Scheduled(every = "${stations.no-show.every:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "no-show-release")
    Uni<Void> tick() {
        return release.releaseDue().replaceWithVoid();
    }
}
