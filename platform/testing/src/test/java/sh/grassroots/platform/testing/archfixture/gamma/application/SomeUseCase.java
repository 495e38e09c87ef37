package sh.grassroots.platform.testing.archfixture.gamma.application;

import io.smallrye.mutiny.Uni;
import jakarta.transaction.Transactional;

/** An outer-layer class that the bad model depends on; it also breaks the reactive rules. */
public class SomeUseCase {

    @Transactional
    public String blockingInsideAPipeline(Uni<String> name) {
        return name.await().indefinitely();
    }
}
