package org.weiquan.query.support;

import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * What a projection collects while a batch of events is handled, kept in the batch's root unit of
 * work and written when its transaction prepares to commit, with the processor's token.
 */
final class BatchResources {
    private BatchResources() {
    }

    /**
     * The current batch's resource under {@code key}, created (and its {@code flush} registered for
     * the prepare-commit) on first use; {@code null} outside a unit of work.
     */
    static <T> T current(String key, Supplier<T> create, Consumer<T> flush) {
        if (!CurrentUnitOfWork.isStarted()) return null;
        UnitOfWork<?> root = CurrentUnitOfWork.get().root();
        return root.getOrComputeResource(key, missing -> {
            T created = create.get();
            root.onPrepareCommit(committing -> flush.accept(created));
            return created;
        });
    }
}
