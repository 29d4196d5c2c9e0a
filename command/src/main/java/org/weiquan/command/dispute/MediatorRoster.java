package org.weiquan.command.dispute;

import org.weiquan.api.common.OfficerId;
import org.weiquan.api.dispute.Mediator;

import java.util.Optional;

/**
 * The mediator roster as the command side consults it: who may be assigned now, under the name the
 * roster gives them today (the event keeps that name; the roster may change, the record not). The
 * application keeps the roster; a dispute asks it when a mediator is assigned.
 */
public interface MediatorRoster {
    Optional<Mediator> activeMediator(OfficerId mediator);
}
