/** Checks that keep the generated parts of Ferry's documentation equal to the code that defines them. */
package io.ferry.testkit.docs;
