package org.weiquan.app.axon;

import jakarta.annotation.Nonnull;
import jakarta.annotation.Nullable;
import org.axonframework.common.Registration;
import org.axonframework.deadline.DeadlineException;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.DeadlineMessage;
import org.axonframework.deadline.quartz.DeadlineJob;
import org.axonframework.deadline.quartz.QuartzDeadlineManager;
import org.axonframework.lifecycle.Lifecycle;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.ScopeDescriptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.modelling.command.AggregateScopeDescriptor;
import org.axonframework.serialization.Serializer;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.impl.matchers.GroupMatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Axon's Quartz deadline manager, with cancellation of a case's deadlines that holds under any
 * concurrency (ADR 28). Axon's own {@code cancelAllWithinScope} lists every job of the deadline's
 * name and reads each one's data to find the case's own: a job that another transaction deletes in
 * between (another case's cancellation, a deadline that fired) is read as null and fails the
 * command with a NullPointerException, and the cost grows with the number of open cases. Here each
 * scheduled job's case is written to {@code deadline_scope} in the transaction that schedules it,
 * and cancellation deletes exactly the jobs found there; a job already gone is no error.
 * <p>
 * Jobs keep Axon's layout (job name = schedule id, group = deadline name, Axon's job data), so
 * Axon's {@link DeadlineJob} fires them and deadlines scheduled before this class existed go on
 * working: {@link #indexUnindexedJobs()} records their cases once at start-up.
 */
public class ScopeIndexedDeadlineManager implements DeadlineManager, Lifecycle {
    private static final Logger log = LoggerFactory.getLogger(ScopeIndexedDeadlineManager.class);

    private final QuartzDeadlineManager quartz;
    private final Scheduler scheduler;
    private final Serializer serializer;
    private final JdbcTemplate jdbc;

    public ScopeIndexedDeadlineManager(QuartzDeadlineManager quartz, Scheduler scheduler, Serializer serializer,
                                       JdbcTemplate jdbc) {
        this.quartz = quartz;
        this.scheduler = scheduler;
        this.serializer = serializer;
        this.jdbc = jdbc;
    }

    @Override
    public String schedule(@Nonnull Instant triggerDateTime, @Nonnull String deadlineName,
                           @Nullable Object messageOrPayload, @Nonnull ScopeDescriptor deadlineScope) {
        String jobName = quartz.schedule(triggerDateTime, deadlineName, messageOrPayload, deadlineScope);
        // As Axon adds the job: at prepare-commit, in the same transaction (a new case's id is
        // known only once its constructor has applied its first event).
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().onPrepareCommit(unitOfWork -> index(deadlineName, jobName, deadlineScope));
        } else {
            index(deadlineName, jobName, deadlineScope);
        }
        return jobName;
    }

    @Override
    public void cancelSchedule(@Nonnull String deadlineName, @Nonnull String scheduleId) {
        quartz.cancelSchedule(deadlineName, scheduleId);
        jdbc.update("DELETE FROM deadline_scope WHERE deadline_name = ? AND job_name = ?", deadlineName, scheduleId);
    }

    @Override
    public void cancelAll(@Nonnull String deadlineName) {
        quartz.cancelAll(deadlineName);
        jdbc.update("DELETE FROM deadline_scope WHERE deadline_name = ?", deadlineName);
    }

    @Override
    public void cancelAllWithinScope(@Nonnull String deadlineName, @Nonnull ScopeDescriptor scope) {
        String scopeKey = scopeKey(scope);
        List<String> jobNames = jdbc.queryForList(
                "SELECT job_name FROM deadline_scope WHERE scope_key = ? AND deadline_name = ?",
                String.class, scopeKey, deadlineName);
        for (String jobName : jobNames) {
            try {
                // false when the job is already gone (it fired, or was cancelled): nothing to do
                scheduler.deleteJob(new JobKey(jobName, deadlineName));
            } catch (SchedulerException e) {
                throw new DeadlineException("cannot cancel deadline " + deadlineName + " of " + scopeKey, e);
            }
        }
        if (!jobNames.isEmpty()) {
            jdbc.update("DELETE FROM deadline_scope WHERE scope_key = ? AND deadline_name = ?", scopeKey, deadlineName);
        }
    }

    /**
     * Records the case of every job that has no row yet (jobs scheduled by a build before this
     * one), and forgets rows whose job has fired or gone. Runs before the scheduler starts.
     *
     * @return how many jobs were indexed
     */
    public int indexUnindexedJobs() {
        jdbc.update("DELETE FROM deadline_scope d WHERE NOT EXISTS (SELECT 1 FROM QRTZ_JOB_DETAILS j"
                + " WHERE j.JOB_GROUP = d.deadline_name AND j.JOB_NAME = d.job_name)");
        Set<String> indexed = new HashSet<>(jdbc.queryForList(
                "SELECT deadline_name || '/' || job_name FROM deadline_scope", String.class));
        int added = 0;
        try {
            for (String group : scheduler.getJobGroupNames()) {
                for (JobKey key : scheduler.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
                    if (indexed.contains(key.getGroup() + "/" + key.getName())) continue;
                    JobDetail job = scheduler.getJobDetail(key);
                    if (job == null || !DeadlineJob.class.equals(job.getJobClass())) continue;
                    ScopeDescriptor scope = DeadlineJob.DeadlineJobDataBinder.deadlineScope(serializer, job.getJobDataMap());
                    try {
                        index(key.getGroup(), key.getName(), scope);
                        added++;
                    } catch (DuplicateKeyException anotherInstanceWasFirst) {
                        // indexed by another instance starting at the same time
                    }
                }
            }
        } catch (SchedulerException e) {
            throw new IllegalStateException("cannot read the scheduled deadlines", e);
        }
        if (added > 0) log.info("Indexed {} deadlines scheduled before deadline_scope existed", added);
        return added;
    }

    private void index(String deadlineName, String jobName, ScopeDescriptor scope) {
        jdbc.update("INSERT INTO deadline_scope (deadline_name, job_name, scope_key) VALUES (?, ?, ?)",
                deadlineName, jobName, scopeKey(scope));
    }

    /**
     * The case a deadline belongs to: aggregate type and id, as Axon compares them: after a trip
     * through the serializer, so that a scope read back from a job's data gives the same key.
     */
    String scopeKey(ScopeDescriptor given) {
        ScopeDescriptor scope = serializer.deserialize(serializer.serialize(given, String.class));
        if (scope instanceof AggregateScopeDescriptor aggregate) {
            return aggregate.getType() + "/" + aggregate.getIdentifier();
        }
        return scope.scopeDescription();
    }

    @Override
    public Registration registerDispatchInterceptor(
            @Nonnull MessageDispatchInterceptor<? super DeadlineMessage<?>> interceptor) {
        return quartz.registerDispatchInterceptor(interceptor);
    }

    @Override
    public Registration registerHandlerInterceptor(
            @Nonnull MessageHandlerInterceptor<? super DeadlineMessage<?>> interceptor) {
        return quartz.registerHandlerInterceptor(interceptor);
    }

    @Override
    public void registerLifecycleHandlers(@Nonnull LifecycleRegistry lifecycle) {
        quartz.registerLifecycleHandlers(lifecycle);
    }

    @Override
    public void shutdown() {
        quartz.shutdown();
    }
}
