package io.ferry.connect.storage.kafka;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.ferry.connect.model.TaskId;

/** A config store listener that notes what it heard, as "event:subject". */
final class RecordingListener implements KafkaConfigStore.Listener {
    final List<String> heard = new CopyOnWriteArrayList<>();

    @Override
    public void onConnectorConfigUpdate(String connector) {
        heard.add("config:" + connector);
    }

    @Override
    public void onConnectorConfigRemove(String connector) {
        heard.add("remove:" + connector);
    }

    @Override
    public void onTargetStateChange(String connector) {
        heard.add("target-state:" + connector);
    }

    @Override
    public void onTaskConfigUpdate(String connector) {
        heard.add("tasks:" + connector);
    }

    @Override
    public void onRestartRequest(RestartRequest request) {
        heard.add("restart:" + request.connector() + (request.includeTasks() ? "+tasks" : "") + (request.onlyFailed() ? "+failed" : ""));
    }

    @Override
    public void onTaskRestartRequest(TaskId task) {
        heard.add("restart-task:" + task);
    }
}
