/**
 * What a derivcheck command shares with the modules that plug into it: the one progress bar (check, grade and the
 * experiments) and the contract of an experiment with the service interface by which {@code derivcheck run} finds
 * the experiments on the class path. It depends on no other derivcheck package.
 */
package org.derivcheck.command;
