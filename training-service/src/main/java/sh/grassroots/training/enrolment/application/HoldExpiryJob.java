package sh.grassroots.training.enrolment.application;

import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/** Passes seats whose hold ran out to the next in line. */
@ApplicationScoped
public class HoldExpiryJob {
    private static final Logger LOG = Logger.getLogger(HoldExpiryJob.class);

    private final OfferFreedSeats enrolments;

    public HoldExpiryJob(OfferFreedSeats enrolments) {
        this.enrolments = enrolments;
    }

    @Scheduled(every = "${training.holds.check-every:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            identity = "training-hold-expiry")
    Uni<Void> expire() {
        return enrolments.expireDueHolds()
                .invoke(n -> {
                    if (n > 0) {
                        LOG.infof("%d seat holds expired and passed on", n);
                    }
                })
                .onFailure().invoke(f -> LOG.warnf("Hold expiry failed, retried on the next tick: %s", f.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
