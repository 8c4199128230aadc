package archfixtures.ferry.cli;

/** The composition root. */
public class SomeCommand {
}
