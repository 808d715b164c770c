/** One-hot encoding of nucleotide sequences straight into the float buffers of NDArray batches. */
package dev.promoter.gpu.encoding;
