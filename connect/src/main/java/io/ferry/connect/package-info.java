/**
 * Ferry's Kafka Connect runtime: it runs connectors, converters, SMTs, predicates and config
 * providers written against Apache Kafka's public {@code connect-api}, unchanged, and answers
 * Apache Kafka Connect's REST API.
 *
 * <ul>
 *   <li>{@code config}: worker and connector settings, declared once as {@code ConfigDef}s;</li>
 *   <li>{@code plugins}: discovery on the classpath and {@code plugin.path}, one class loader per plugin;</li>
 *   <li>{@code storage}: offsets (Apache's format), connector configs and statuses behind interfaces;</li>
 *   <li>{@code worker}: connectors and the source and sink task loops, converters and SMT chains;</li>
 *   <li>{@code errors}: retries, tolerance, error logs and the dead-letter queue;</li>
 *   <li>{@code herder}: the one owner of what runs (standalone now, distributed later);</li>
 *   <li>{@code rest}: the HTTP adapter; {@code server}: a worker process's composition root.</li>
 * </ul>
 */
package io.ferry.connect;
