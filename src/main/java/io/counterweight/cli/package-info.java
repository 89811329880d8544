/**
 * The headless command line ({@code bin/counterweight}): picocli commands over the core. Results go
 * to stdout (a table, or one JSON object with {@code --json}), progress to stderr; user errors end
 * with exit code 2 and one line naming the file or option, bugs with 1, Ctrl-C with 130, and with
 * {@code --json} an error object on stdout too ({@link io.counterweight.cli.CliErrors}).
 */
package io.counterweight.cli;
