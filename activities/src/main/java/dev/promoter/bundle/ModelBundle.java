package dev.promoter.bundle;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A trained classifier with its metadata, as a directory or as one deterministic zip.
 *
 * <p>Directory: {@code metadata.json} and {@code model.tribuo} (Tribuo's protobuf format).
 * Archive: the same two entries, metadata first, with a fixed timestamp and no extra fields, so
 * the same files always give the same archive bytes and hence the same SHA-256 in the
 * content-addressed store.
 *
 * @param model    the Tribuo model
 * @param metadata how it was trained and how to featurize for it
 */
public record ModelBundle(Model<Label> model, ModelMetadata metadata) {

    /** DOS time has no zone and starts in 1980; any fixed instant makes archives reproducible. */
    private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(1980, 1, 1, 0, 0);

    /** Requires both parts. */
    public ModelBundle {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(metadata, "metadata");
    }

    /**
     * @param directory created if absent; the two files are replaced
     * @throws IOException if writing fails
     */
    public void write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.write(directory.resolve(BundleFiles.METADATA), BundleFiles.encodeMetadata(metadata));
        Files.write(directory.resolve(BundleFiles.MODEL), BundleFiles.encodeModel(model));
    }

    /**
     * @param directory a directory written by {@link #write(Path)}
     * @return the bundle
     * @throws ModelFormatException naming the file that is missing, of another version or corrupt
     * @throws IOException          on other read failures
     */
    public static ModelBundle read(Path directory) throws IOException {
        return readFiles(directory).decode();
    }

    /**
     * Reads a model directory's two files without decoding them, for a caller that keys something
     * by their bytes (the compiled-model cache) and must decode exactly the bytes it keyed.
     *
     * @param directory a directory written by {@link #write(Path)}
     * @return the files' bytes
     * @throws ModelFormatException naming the directory or the file that is missing
     * @throws IOException          on other read failures
     */
    public static RawFiles readFiles(Path directory) throws IOException {
        if (!Files.isDirectory(directory)) {
            throw new ModelFormatException(directory + ": no such model directory");
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (String name : new String[] {BundleFiles.METADATA, BundleFiles.MODEL}) {
            try {
                files.put(name, Files.readAllBytes(directory.resolve(name)));
            } catch (NoSuchFileException e) {
                throw new ModelFormatException(directory.resolve(name) + ": missing, not a model directory");
            }
        }
        return new RawFiles(directory, files.get(BundleFiles.METADATA), files.get(BundleFiles.MODEL));
    }

    /**
     * A model directory's files as read, not yet decoded. The arrays are the caller's: not copied.
     *
     * @param directory where they were read
     * @param metadata  {@code metadata.json}
     * @param model     {@code model.tribuo}
     */
    public record RawFiles(Path directory, byte[] metadata, byte[] model) {

        /**
         * @return the bundle
         * @throws ModelFormatException naming the file that is of another version or corrupt
         */
        public ModelBundle decode() {
            Map<String, byte[]> files = new LinkedHashMap<>();
            files.put(BundleFiles.METADATA, metadata);
            files.put(BundleFiles.MODEL, model);
            return ModelBundle.decode(files, directory + "/");
        }
    }

    /**
     * Zips a model directory's files as they are on disk: same files, same archive bytes.
     *
     * @param directory a model directory
     * @param out       receives the zip; not closed
     * @throws IOException if reading or writing fails
     */
    public static void writeArchive(Path directory, OutputStream out) throws IOException {
        read(directory); // refuse to archive something that would not load
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleFiles.METADATA, Files.readAllBytes(directory.resolve(BundleFiles.METADATA)));
        files.put(BundleFiles.MODEL, Files.readAllBytes(directory.resolve(BundleFiles.MODEL)));
        zip(files, out);
    }

    /**
     * @param out receives this bundle as a zip; not closed
     * @throws IOException if writing fails
     */
    public void writeArchive(OutputStream out) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(BundleFiles.METADATA, BundleFiles.encodeMetadata(metadata));
        files.put(BundleFiles.MODEL, BundleFiles.encodeModel(model));
        zip(files, out);
    }

    /** @return this bundle as zip bytes */
    public byte[] toArchive() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writeArchive(out);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return out.toByteArray();
    }

    /**
     * @param archive a zip written by a {@code writeArchive} method
     * @return the bundle
     * @throws ModelFormatException naming the file if it is not such a zip
     * @throws IOException          if the file cannot be read
     */
    public static ModelBundle readArchive(Path archive) throws IOException {
        if (!Files.isRegularFile(archive)) {
            throw new ModelFormatException(archive + ": no such model archive");
        }
        try (InputStream in = Files.newInputStream(archive)) {
            return readArchive(in, archive.toString());
        }
    }

    /**
     * @param in     zip bytes; read to the end of the archive, not closed
     * @param source name used in error messages
     * @return the bundle
     * @throws ModelFormatException naming the source if it is not a model archive
     * @throws IOException          on read failures
     */
    public static ModelBundle readArchive(InputStream in, String source) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try {
            ZipInputStream zip = new ZipInputStream(in);
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                files.put(entry.getName(), zip.readAllBytes());
            }
        } catch (ZipException | java.io.EOFException e) {
            throw new ModelFormatException(source + ": corrupt model archive: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            throw new ModelFormatException(source + ": not a model archive (not a zip, or empty)");
        }
        for (String name : new String[] {BundleFiles.METADATA, BundleFiles.MODEL}) {
            if (!files.containsKey(name)) {
                throw new ModelFormatException(source + ": model archive has no " + name);
            }
        }
        return decode(files, source + "!");
    }

    private static ModelBundle decode(Map<String, byte[]> files, String prefix) {
        ModelMetadata metadata = BundleFiles.decodeMetadata(files.get(BundleFiles.METADATA),
                prefix + BundleFiles.METADATA);
        Model<Label> model = BundleFiles.decodeModel(files.get(BundleFiles.MODEL), prefix + BundleFiles.MODEL);
        return new ModelBundle(model, metadata);
    }

    private static void zip(Map<String, byte[]> files, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        zip.setLevel(9);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            ZipEntry entry = new ZipEntry(file.getKey());
            entry.setTimeLocal(ENTRY_TIME);
            zip.putNextEntry(entry);
            zip.write(file.getValue());
            zip.closeEntry();
        }
        zip.finish();
    }
}
