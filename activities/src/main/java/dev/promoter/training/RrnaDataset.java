package dev.promoter.training;

import dev.promoter.sequence.FastaReader;
import dev.promoter.sequence.FastaRecord;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * A dataset folder: {@code train.fasta[.gz]} and {@code test.fasta[.gz]}, each header carrying
 * {@code class=LABEL} with a label from {@link RrnaLabels#ALL}.
 *
 * @param directory the folder
 * @param train     training records
 * @param test      held-out records
 * @param digest    SHA-256 (hex) over the bytes of the train file then the test file, as stored
 *                  (compressed or not): the lineage the registry records
 */
public record RrnaDataset(Path directory, List<FastaRecord> train, List<FastaRecord> test, String digest) {

    /** Copies the lists. */
    public RrnaDataset {
        train = List.copyOf(train);
        test = List.copyOf(test);
    }

    /**
     * @param directory folder holding {@code train.fasta[.gz]} and {@code test.fasta[.gz]}
     * @return the loaded dataset
     * @throws DatasetException if a file is missing, a record has no {@code class=} or an unknown label
     * @throws IOException      if a file cannot be read
     */
    public static RrnaDataset load(Path directory) throws IOException {
        if (Files.exists(directory) && !Files.isDirectory(directory)) {
            throw new DatasetException(directory + ": a file, not a dataset folder (one holding train.fasta[.gz] and test.fasta[.gz])");
        }
        Path trainFile = find(directory, "train");
        Path testFile = find(directory, "test");
        List<FastaRecord> train = readLabelled(trainFile);
        List<FastaRecord> test = readLabelled(testFile);
        return new RrnaDataset(directory, train, test, digest(trainFile, testFile));
    }

    /**
     * @param file FASTA file whose headers carry {@code class=}
     * @return its records, every label checked
     * @throws DatasetException on a missing or unknown label
     * @throws IOException      if the file cannot be read
     */
    public static List<FastaRecord> readLabelled(Path file) throws IOException {
        List<FastaRecord> records = FastaReader.readAll(file);
        if (records.isEmpty()) {
            throw new DatasetException(file + ": no records");
        }
        for (FastaRecord record : records) {
            label(record, file);
        }
        return records;
    }

    /**
     * @param record a record of a dataset file
     * @return its {@code class=} label
     * @throws DatasetException if absent or not one of {@link RrnaLabels#ALL}
     */
    public static String label(FastaRecord record) {
        return label(record, null);
    }

    /** @return the labels of the training records, in order */
    public List<String> trainLabels() {
        return train.stream().map(RrnaDataset::label).toList();
    }

    /** @return the labels of the test records, in order */
    public List<String> testLabels() {
        return test.stream().map(RrnaDataset::label).toList();
    }

    private static String label(FastaRecord record, Path file) {
        String where = file == null ? "" : file + ": ";
        String label = record.attributes().get("class");
        if (label == null) {
            throw new DatasetException(where + "record " + record.id() + " has no class= label");
        }
        if (!RrnaLabels.isKnown(label)) {
            throw new DatasetException(where + "record " + record.id() + " has unknown label '" + label
                    + "' (expected one of " + String.join(", ", RrnaLabels.ALL) + ")");
        }
        return label;
    }

    private static Path find(Path directory, String name) {
        for (String suffix : List.of(".fasta.gz", ".fasta", ".fa.gz", ".fa")) {
            Path candidate = directory.resolve(name + suffix);
            if (Files.isRegularFile(candidate)) {
                return candidate;
            }
        }
        throw new DatasetException(directory + ": no " + name + ".fasta or " + name + ".fasta.gz");
    }

    private static String digest(Path... files) throws IOException {
        MessageDigest sha = sha256();
        byte[] buffer = new byte[1 << 16];
        for (Path file : files) {
            try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
                while (in.read(buffer) >= 0) {
                    // DigestInputStream hashes as it reads.
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

}
