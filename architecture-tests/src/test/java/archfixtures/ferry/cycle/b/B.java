package archfixtures.ferry.cycle.b;

import archfixtures.ferry.cycle.a.A;

/** The other half of a package cycle. */
public class B {
    public A a;
}
