package archfixtures.ferry.serde;

import kafka.server.KafkaConfig;

/** Breaks "only the embedded node uses Kafka's server classes", and prints to the console. */
public class SerdeThatEmbedsKafka {
    public KafkaConfig config;

    public void report() {
        System.out.println("breaks: only the command line writes to the console");
    }
}
