/**
 * The {@code promoter} command line (picocli). Commands that need no server answer without
 * starting Spring; the others open the stack through {@link dev.promoter.cli.StackSession}.
 */
package dev.promoter.cli;
