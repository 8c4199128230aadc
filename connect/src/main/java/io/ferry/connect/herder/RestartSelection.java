package io.ferry.connect.herder;

import java.util.ArrayList;
import java.util.List;

import io.ferry.connect.model.State;
import io.ferry.connect.model.StateInfo;
import io.ferry.connect.model.TaskId;

/**
 * What a restart request ({@code POST /connectors/{name}/restart?includeTasks=&onlyFailed=}) restarts,
 * by Apache Kafka Connect's rules, and the status it answers with: the instances to restart shown
 * as RESTARTING on the worker that runs them.
 *
 * @param connector whether the connector itself restarts
 * @param tasks     the tasks that restart
 * @param answer    the status to answer with
 */
public record RestartSelection(boolean connector, List<TaskId> tasks, ConnectorStatus answer) {

    public static RestartSelection of(ConnectorStatus before, boolean includeTasks, boolean onlyFailed) {
        String name = before.name();
        boolean restartConnector = !onlyFailed || before.connector().state() == State.FAILED;
        List<TaskId> restartTasks = new ArrayList<>();
        List<TaskStatus> shown = new ArrayList<>();
        for (TaskStatus task : before.tasks()) {
            boolean restart = includeTasks && (!onlyFailed || task.state().state() == State.FAILED);
            if (restart) {
                restartTasks.add(new TaskId(name, task.id()));
            }
            shown.add(restart ? new TaskStatus(task.id(), restarting(task.state())) : task);
        }
        ConnectorStatus answer = new ConnectorStatus(name, restartConnector ? restarting(before.connector()) : before.connector(), shown,
                before.type());
        return new RestartSelection(restartConnector, List.copyOf(restartTasks), answer);
    }

    private static StateInfo restarting(StateInfo state) {
        return new StateInfo(State.RESTARTING, state.workerId(), null, state.version(), null);
    }
}
