package archfixtures.ferry.kafka.support;

import archfixtures.ferry.cli.SomeCommand;

/** Breaks "dependencies point downward only". */
public class SupportThatKnowsCli {
    public SomeCommand command;
}
