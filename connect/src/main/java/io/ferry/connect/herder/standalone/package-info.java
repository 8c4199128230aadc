/**
 * The standalone herder: one worker that runs every connector itself, deciding on one owner
 * thread, with configs in memory and source offsets in a local file — and the collaborators it
 * decides with (statuses, automatic restarts, secret masking, offsets).
 */
package io.ferry.connect.herder.standalone;
