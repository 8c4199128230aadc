package io.ferry.serde.avro;

import org.apache.avro.Conversions;
import org.apache.avro.data.TimeConversions;
import org.apache.avro.generic.GenericData;

/** The Avro data models the serde reads and writes generic data with. */
final class AvroDataModels {
    private static final GenericData WITH_LOGICAL_TYPES = withLogicalTypes();

    private AvroDataModels() {
    }

    /** Plain generic data, or generic data that maps logical types to Java types. */
    static GenericData generic(boolean logicalTypes) {
        return logicalTypes ? WITH_LOGICAL_TYPES : GenericData.get();
    }

    private static GenericData withLogicalTypes() {
        GenericData data = new GenericData();
        data.addLogicalTypeConversion(new Conversions.DecimalConversion());
        data.addLogicalTypeConversion(new Conversions.UUIDConversion());
        data.addLogicalTypeConversion(new TimeConversions.DateConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimeMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.TimestampMicrosConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMillisConversion());
        data.addLogicalTypeConversion(new TimeConversions.LocalTimestampMicrosConversion());
        return data;
    }
}
