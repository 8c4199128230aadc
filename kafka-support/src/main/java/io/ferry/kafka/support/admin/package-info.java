/**
 * Creating and checking the topics Ferry keeps state in. {@link io.ferry.kafka.support.admin.TopicProvisioner}
 * creates a missing topic as {@link io.ferry.kafka.support.admin.TopicRequirements} describe it, and
 * refuses an existing one whose cleanup policy or partition count would lose or reorder state, with
 * a message that names the topic, what was found, what is needed and why.
 */
package io.ferry.kafka.support.admin;
