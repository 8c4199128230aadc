package io.ferry.connect.testplugins;

import java.util.Collection;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.sink.SinkRecord;
import org.apache.kafka.connect.sink.SinkTask;

/** The task of {@link RecordingSinkConnector}. */
public class RecordingSinkTask extends SinkTask {
    private String connector;
    private final AtomicInteger retriableLeft = new AtomicInteger();
    private String failOn;
    private String report;
    private boolean rewindOnce;
    private boolean requestCommits;
    private long pauseFirstMs;
    private long pausedAt = -1;
    private boolean pausedOnce;

    @Override
    public void start(Map<String, String> props) {
        connector = props.get("name");
        retriableLeft.set(Integer.parseInt(props.getOrDefault("retriable.failures", "0")));
        failOn = props.get("fail.on.value");
        report = props.get("report.value");
        rewindOnce = Boolean.parseBoolean(props.getOrDefault("rewind.once", "false"));
        requestCommits = Boolean.parseBoolean(props.getOrDefault("request.commits", "false"));
        pauseFirstMs = Long.parseLong(props.getOrDefault("pause.first.ms", "0"));
    }

    @Override
    public void put(Collection<SinkRecord> records) {
        Recordings recordings = Recordings.of(connector);
        if (pauseFirstMs > 0 && !pausedOnce && !records.isEmpty()) {
            pausedOnce = true;
            pausedAt = System.currentTimeMillis();
            context.pause(context.assignment().toArray(new org.apache.kafka.common.TopicPartition[0]));
            recordings.pausedWith(records.size());
        } else if (pausedAt >= 0 && System.currentTimeMillis() - pausedAt >= pauseFirstMs) {
            pausedAt = -1;
            recordings.resumed();
            context.resume(context.assignment().toArray(new org.apache.kafka.common.TopicPartition[0]));
        }
        if (rewindOnce && !records.isEmpty()) {
            rewindOnce = false;
            SinkRecord first = records.iterator().next();
            for (SinkRecord record : records) {
                recordings.add(record);
            }
            context.offset(new org.apache.kafka.common.TopicPartition(first.topic(), first.kafkaPartition()), first.kafkaOffset());
            return;
        }
        if (requestCommits && !records.isEmpty()) {
            context.requestCommit();
        }
        if (!records.isEmpty() && retriableLeft.getAndDecrement() > 0) {
            Recordings.of(connector).retriableFailures.incrementAndGet();
            context.timeout(100);
            throw new RetriableException("not now, try again");
        }
        for (SinkRecord record : records) {
            if (failOn != null && failOn.equals(String.valueOf(record.value()))) {
                throw new ConnectException("the sink cannot take " + record.value());
            }
            if (report != null && report.equals(String.valueOf(record.value()))) {
                context.errantRecordReporter().report(record, new IllegalArgumentException("the sink rejects " + record.value()));
                continue;
            }
            Recordings.of(connector).add(record);
        }
    }

    @Override
    public void stop() {
    }

    @Override
    public String version() {
        return "1.0-test";
    }
}
