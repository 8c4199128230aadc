/**
 * Classes that break each architecture rule on purpose, under a root package of their own
 * ({@code archfixtures.ferry} stands for {@code io.ferry}), to prove every rule can fail.
 */
package archfixtures.ferry;
