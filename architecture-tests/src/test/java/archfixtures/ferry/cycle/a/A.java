package archfixtures.ferry.cycle.a;

import archfixtures.ferry.cycle.b.B;

/** One half of a package cycle. */
public class A {
    public B b;
}
