package dev.promoter.inference;

import dev.promoter.bundle.ModelBundle;
import dev.promoter.training.KmerExamples;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.CRC32C;

/**
 * {@code model.compiled}: a compiled logistic regression's tables, kept beside the model's own files
 * so that a later load need not decode Tribuo's protobuf at all (about a CPU-second and some 1,250
 * classes of protobuf, Tribuo, OLCUT and Jackson for the default model, about what classifying
 * 40,000 records takes on one core).
 *
 * <p>It is a cache, never a source of truth: it names the {@code metadata.json} and
 * {@code model.tribuo} bytes it was compiled from by {@link #fingerprint} (length, CRC-32C and
 * CRC-32 of each) and is used only while both still match; its own payload carries a fingerprint
 * too, and the answer it gives for the compile-time probe sequence (Tribuo's answer, bit for bit)
 * is checked again when it is read. Anything that does not match is ignored, and the model is
 * loaded through Tribuo and the file written anew.
 *
 * <p>Why checksums and not SHA-256 (format 1): they guard against staleness and damage, not
 * against an adversary, who could as well rewrite this file as the model beside it; and the JVM
 * computes both CRCs with hardware instructions from the first call, interpreter included, while
 * hashing the model's 1.1 MB with SHA-256 at start-up took 55-75 ms of interpreted and C1 code
 * plus its compilations: a tenth of {@code promoter classify}'s CPU time before the first record.
 *
 * <p>Layout (big-endian): magic, format version, the two source fingerprints, payload length,
 * payload (k, canonical, labels, the {@link CompiledLinearModel.Tables}, the probe's scores),
 * payload fingerprint.
 */
final class CompiledModelFile {

    /** The file's name inside a model directory. */
    static final String NAME = "model.compiled";

    private static final byte[] MAGIC = "promoter compiled linear model\n".getBytes(StandardCharsets.US_ASCII);
    private static final int FORMAT = 2;
    /** Bytes of a {@link #fingerprint}. */
    private static final int DIGEST = 16;

    private CompiledModelFile() {
    }

    /**
     * @param files a model directory's files as read
     * @return the classifier the cache beside them holds, when it is present, intact and theirs
     */
    static Optional<SequenceClassifier> read(ModelBundle.RawFiles files) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(files.directory().resolve(NAME));
        } catch (IOException absentOrUnreadable) {
            return Optional.empty();
        }
        try {
            return decode(ByteBuffer.wrap(bytes), sourceDigest(files));
        } catch (BufferUnderflowException | IllegalArgumentException | IndexOutOfBoundsException
                | NegativeArraySizeException damaged) {
            return Optional.empty(); // a damaged cache is only a slower start
        }
    }

    /**
     * Writes the cache beside the files, atomically; a directory that cannot be written keeps none.
     *
     * @param files      a model directory's files as read
     * @param k          the model's k
     * @param canonical  whether it counts canonical k-mers
     * @param labels     the labels in the caller's order
     * @param compiled   the model compiled from exactly these files
     */
    static void write(ModelBundle.RawFiles files, int k, boolean canonical, List<String> labels,
            CompiledLinearModel compiled) {
        Path target = files.directory().resolve(NAME);
        Path temp = files.directory().resolve("." + NAME + "." + ProcessHandle.current().pid() + ".part");
        try {
            Files.write(temp, encode(sourceDigest(files), k, canonical, labels, compiled));
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException readOnlyOrFull) {
            // a read-only model (a shared folder, a mounted volume) is still usable: it loads through Tribuo
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // nothing was created, or it cannot be removed either
            }
        }
    }

    private static byte[] encode(byte[] source, int k, boolean canonical, List<String> labels,
            CompiledLinearModel compiled) throws IOException {
        ByteArrayOutputStream payloadBytes = new ByteArrayOutputStream(1 << 19);
        DataOutputStream payload = new DataOutputStream(payloadBytes);
        payload.writeInt(k);
        payload.writeBoolean(canonical);
        writeStrings(payload, labels.toArray(String[]::new));
        CompiledLinearModel.Tables t = compiled.tables();
        writeInts(payload, t.kmerFeatures());
        writeInts(payload, t.compositionFeatures());
        payload.writeInt(t.exampleFeatures());
        writeDoubles(payload, t.weights());
        writeDoubles(payload, t.bias());
        writeStrings(payload, t.outputNames());
        writeInts(payload, t.labelOutputs());
        CompiledLinearModel.Scores probe = compiled.scores(CompiledLinearModel.probeSequence());
        writeStrings(payload, new String[] {probe.best()});
        writeDoubles(payload, probe.byLabel());
        payload.flush();
        byte[] body = payloadBytes.toByteArray();

        ByteArrayOutputStream fileBytes = new ByteArrayOutputStream(body.length + 256);
        DataOutputStream file = new DataOutputStream(fileBytes);
        file.write(MAGIC);
        file.writeInt(FORMAT);
        file.write(source);
        file.writeInt(body.length);
        file.write(body);
        file.write(fingerprint(body));
        file.flush();
        return fileBytes.toByteArray();
    }

    private static Optional<SequenceClassifier> decode(ByteBuffer in, byte[] source) {
        if (!Arrays.equals(bytes(in, MAGIC.length), MAGIC) || in.getInt() != FORMAT
                || !Arrays.equals(bytes(in, source.length), source)) {
            return Optional.empty(); // another format, or compiled from other files
        }
        int length = in.getInt();
        if (length < 0 || length > in.remaining()) {
            return Optional.empty();
        }
        byte[] body = bytes(in, length);
        if (!Arrays.equals(bytes(in, DIGEST), fingerprint(body)) || in.hasRemaining()) {
            return Optional.empty();
        }
        ByteBuffer p = ByteBuffer.wrap(body);
        int k = p.getInt();
        boolean canonical = p.get() != 0;
        List<String> labels = List.of(strings(p));
        CompiledLinearModel.Tables tables = new CompiledLinearModel.Tables(ints(p), ints(p), p.getInt(), doubles(p),
                doubles(p), strings(p), ints(p));
        String probeBest = strings(p)[0];
        double[] probeScores = doubles(p);
        if (p.hasRemaining()) {
            return Optional.empty();
        }
        KmerExamples examples = new KmerExamples(k, canonical);
        CompiledLinearModel compiled = new CompiledLinearModel(examples, tables);
        CompiledLinearModel.Scores again = compiled.scores(CompiledLinearModel.probeSequence());
        if (!again.best().equals(probeBest) || !Arrays.equals(again.byLabel(), probeScores)) {
            return Optional.empty();
        }
        return Optional.of(new SequenceClassifier(examples, labels, compiled));
    }

    /** Both files' fingerprints, metadata first: each file alone, so no two pairs collide by concatenation. */
    private static byte[] sourceDigest(ModelBundle.RawFiles files) {
        byte[] both = new byte[2 * DIGEST];
        System.arraycopy(fingerprint(files.metadata()), 0, both, 0, DIGEST);
        System.arraycopy(fingerprint(files.model()), 0, both, DIGEST, DIGEST);
        return both;
    }

    /**
     * The length, CRC-32C and CRC-32 of {@code bytes}: two independent 32-bit checks, each of which
     * detects every burst error up to 32 bits and misses a random change with odds of 2^-32.
     */
    static byte[] fingerprint(byte[] bytes) {
        CRC32C castagnoli = new CRC32C();
        castagnoli.update(bytes);
        CRC32 ieee = new CRC32();
        ieee.update(bytes);
        return ByteBuffer.allocate(DIGEST).putLong(bytes.length).putInt((int) castagnoli.getValue())
                .putInt((int) ieee.getValue()).array();
    }

    private static byte[] bytes(ByteBuffer in, int length) {
        byte[] out = new byte[length];
        in.get(out);
        return out;
    }

    private static void writeInts(DataOutputStream out, int[] values) throws IOException {
        out.writeInt(values.length);
        for (int v : values) {
            out.writeInt(v);
        }
    }

    private static int[] ints(ByteBuffer in) {
        int[] values = new int[in.getInt()];
        in.asIntBuffer().get(values);
        in.position(in.position() + 4 * values.length);
        return values;
    }

    private static void writeDoubles(DataOutputStream out, double[] values) throws IOException {
        out.writeInt(values.length);
        for (double v : values) {
            out.writeLong(Double.doubleToRawLongBits(v)); // the exact bits: the compiled sums must stay Tribuo's
        }
    }

    private static double[] doubles(ByteBuffer in) {
        double[] values = new double[in.getInt()];
        in.asDoubleBuffer().get(values);
        in.position(in.position() + 8 * values.length);
        return values;
    }

    private static void writeStrings(DataOutputStream out, String[] values) throws IOException {
        out.writeInt(values.length);
        for (String v : values) {
            byte[] utf8 = v.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static String[] strings(ByteBuffer in) {
        String[] values = new String[in.getInt()];
        for (int i = 0; i < values.length; i++) {
            values[i] = new String(bytes(in, in.getInt()), StandardCharsets.UTF_8);
        }
        return values;
    }
}
