package archfixtures.ferry.connect.worker;

/** Part of the runtime. */
public class Worker {
}
