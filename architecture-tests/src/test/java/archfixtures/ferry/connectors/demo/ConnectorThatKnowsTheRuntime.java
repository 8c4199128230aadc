package archfixtures.ferry.connectors.demo;

import archfixtures.ferry.connect.worker.Worker;

/** Breaks "connectors use connect-api only". */
public class ConnectorThatKnowsTheRuntime {
    public Worker worker;
}
