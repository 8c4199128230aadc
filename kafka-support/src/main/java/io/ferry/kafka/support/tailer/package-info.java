/**
 * The compacted-topic tailer: a topic read from the beginning into memory, then followed, with the
 * two guarantees state stores are built on:
 * <ul>
 *   <li><b>read to end, then follow</b>: {@link io.ferry.kafka.support.tailer.CompactedTopicTailer#start}
 *       returns once every record the topic held has been handed to the handler, and
 *       {@link io.ferry.kafka.support.tailer.CompactedTopicTailer#readToEnd} does the same for any
 *       later moment;</li>
 *   <li><b>write, then wait until my own reader has seen it</b>:
 *       {@link io.ferry.kafka.support.tailer.CompactedTopicTailer#sendAndAwait} completes only after this
 *       tailer's handler processed the record written.</li>
 * </ul>
 * One thread owns the consumer and calls the handler; callers never touch the consumer.
 */
package io.ferry.kafka.support.tailer;
