/**
 * A dependency-free command line over {@link dev.promoter.consensus.TreeConsensus}, with the
 * argument shape the future {@code promoter consensus} and {@code promoter rf} commands will
 * have. It exists so benchmarks can time a whole-process run today.
 */
package dev.promoter.consensus.cli;
