/**
 * Subject name strategies: under which registry subject a key or value schema is registered and
 * looked up ({@code <topic>-key}/{@code <topic>-value}, the record name, or both). Confluent's class
 * names are accepted as aliases, so existing configuration files work unchanged.
 */
package io.ferry.serde.subject;
