package io.ferry.bench.serde;

import io.ferry.registry.server.RegistryServer;
import org.apache.kafka.connect.storage.Converter;

/** Prints the bytes per message of the benchmark record: JSON with an embedded schema, Avro with a registry id. */
public final class MessageSizes {
    private MessageSizes() {
    }

    public static void main(String[] args) throws Exception {
        try (RegistryServer registry = BenchRecords.startRegistry()) {
            Converter json = JsonVersusAvroBenchmark.jsonConverter();
            Converter avro = JsonVersusAvroBenchmark.avroConverter(registry.url());
            int jsonBytes = json.fromConnectData("orders", BenchRecords.ORDER, BenchRecords.order(42)).length;
            int avroBytes = avro.fromConnectData("orders", BenchRecords.ORDER, BenchRecords.order(42)).length;
            System.out.printf("bytes/message  json+schema %d  avro+id %d  (%.1fx smaller)%n", jsonBytes, avroBytes,
                    (double) jsonBytes / avroBytes);
            json.close();
            avro.close();
        }
    }
}
