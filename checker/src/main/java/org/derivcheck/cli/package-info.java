/**
 * Command-line front end (picocli): the check, latex, grade and run commands, their options, exit codes and progress display. Depends on every other package; nothing depends on it.
 */
package org.derivcheck.cli;
