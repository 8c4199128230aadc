/**
 * Worker and connector settings, each declared once as a {@code ConfigDef} with Apache Kafka
 * Connect's name, type, default, validator, importance and group, so that existing files work
 * unchanged and the REST validate endpoint, the docs and the error messages come from one place.
 */
package io.ferry.connect.config;
