package sh.grassroots.training.archfixture.application;

import io.smallrye.mutiny.Uni;
import jakarta.transaction.Transactional;

/** An outer-layer class that the bad model example depends on; it also breaks the reactive rules. */
public class SomeUseCase {

    @Transactional
    public String blockingInsideAPipeline(Uni<String> name) {
        return name.await().indefinitely();
    }
}
