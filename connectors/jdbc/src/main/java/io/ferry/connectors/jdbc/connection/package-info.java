/**
 * Connections to the database: the connection settings both connectors share and a provider that
 * opens, checks, retries and reopens one connection per task, with errors that say what is wrong.
 */
package io.ferry.connectors.jdbc.connection;
