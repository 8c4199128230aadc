/**
 * Ferry's own converters for the plain formats Apache Kafka Connect ships inside its runtime rather than
 * in {@code connect-api}: {@link io.ferry.connect.converters.ByteArrayConverter} (bytes as they are) and
 * {@link io.ferry.connect.converters.BooleanConverter}, {@link io.ferry.connect.converters.ShortConverter},
 * {@link io.ferry.connect.converters.IntegerConverter}, {@link io.ferry.connect.converters.LongConverter},
 * {@link io.ferry.connect.converters.FloatConverter} and {@link io.ferry.connect.converters.DoubleConverter}
 * (the encodings of {@code kafka-clients}' serializers).
 *
 * <p>Each is a {@code Converter} and a {@code HeaderConverter}, with the simple name, settings, schemas,
 * bytes and error messages of Apache's class of that simple name in {@code org.apache.kafka.connect.converters},
 * so a worker or connector config that names Apache's class runs Ferry's unchanged (the plugin catalog maps
 * those names). The package depends on {@code connect-api} and {@code kafka-clients} only.
 */
package io.ferry.connect.converters;
