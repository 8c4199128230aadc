/**
 * The values every part of the runtime speaks of: which task, in which state, asked to be in which
 * state. No behaviour and no dependencies beyond the JDK.
 */
package io.ferry.connect.model;
