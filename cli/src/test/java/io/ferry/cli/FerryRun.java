package io.ferry.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/**
 * One run of the {@code ferry} command line in this process, with what it printed.
 *
 * @param exitCode the exit code {@link Ferry#run} returned
 * @param out standard output
 * @param err standard error
 */
public record FerryRun(int exitCode, String out, String err) {

    /** Runs {@code ferry ARGS...}. */
    public static FerryRun ferry(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exitCode = Ferry.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new FerryRun(exitCode, out.toString(), err.toString());
    }

    /** The lines of standard output. */
    public List<String> lines() {
        return out.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- out\n" + out + "--- err\n" + err;
    }
}
