package dev.promoter.gpu.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A DJL model directory for the CNN: the parameters DJL writes ({@code cnn-NNNN.params}) and
 * {@value #METADATA}. Its archive is deterministic (entries sorted by name, fixed timestamps),
 * so the same model always has the same digest in the content-addressed store.
 */
public final class CnnModelDirectory {

  /** The model name and parameter-file prefix DJL uses. */
  public static final String NAME = "cnn";
  /** The metadata file. */
  public static final String METADATA = "cnn-model.json";

  private static final LocalDateTime ENTRY_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.INDENT_OUTPUT)
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private CnnModelDirectory() {}

  /**
   * Saves a model's parameters and metadata as a model directory.
   *
   * @param model    a model whose block holds trained parameters
   * @param metadata what rebuilds the block
   * @param dir      the directory, created if missing; earlier parameter files are removed
   * @throws IOException if writing fails
   */
  public static void save(Model model, CnnMetadata metadata, Path dir) throws IOException {
    saveParameters(model, dir);
    writeMetadata(metadata, dir);
  }

  /**
   * Saves only the parameters (a checkpoint).
   *
   * @param model a model with parameters
   * @param dir   the directory, created if missing; earlier parameter files are removed
   * @throws IOException if writing fails
   */
  public static void saveParameters(Model model, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (var files = Files.list(dir)) {
      for (Path p : files.filter(p -> p.getFileName().toString().endsWith(".params")).toList()) {
        Files.delete(p);
      }
    }
    model.save(dir, NAME);
  }

  /** @param metadata what to write @param dir the model directory @throws IOException on failure */
  public static void writeMetadata(CnnMetadata metadata, Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.write(dir.resolve(METADATA), JSON.writeValueAsBytes(metadata));
  }

  /** @param dir a model directory @return its metadata @throws IOException if absent or unreadable */
  public static CnnMetadata readMetadata(Path dir) throws IOException {
    Path file = dir.resolve(METADATA);
    if (!Files.isRegularFile(file)) {
      throw new IOException(dir + " is not a CNN model directory: no " + METADATA);
    }
    CnnMetadata metadata = JSON.readValue(file.toFile(), CnnMetadata.class);
    if (!CnnMetadata.READABLE_FORMATS.contains(metadata.format())) {
      throw new IOException(file + " has format " + metadata.format() + "; this reader knows "
          + new java.util.TreeSet<>(CnnMetadata.READABLE_FORMATS));
    }
    return metadata;
  }

  /**
   * Loads the parameters of a directory into a fresh block of the given architecture.
   *
   * @param dir          a directory holding {@code cnn-NNNN.params}
   * @param architecture the block's shape
   * @param device       where the parameters live
   * @return the model; the caller closes it
   * @throws IOException if the parameters cannot be read or do not fit the block
   */
  public static Model loadParameters(Path dir, CnnArchitecture architecture, Device device) throws IOException {
    Model model = Model.newInstance(NAME, device);
    try {
      model.setBlock(architecture.newBlock());
      model.load(dir, NAME);
      return model;
    } catch (MalformedModelException | RuntimeException e) {
      model.close();
      throw new IOException("cannot load CNN parameters from " + dir + ": " + e.getMessage(), e);
    }
  }

  /**
   * @param dir a directory of regular files (no subfolders)
   * @return its files as a zip, entries sorted by name with a fixed timestamp
   * @throws IOException if reading fails
   */
  public static byte[] archive(Path dir) throws IOException {
    List<Path> files;
    try (var list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).sorted().toList();
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
      zip.setLevel(9);
      for (Path file : files) {
        ZipEntry entry = new ZipEntry(file.getFileName().toString());
        entry.setTimeLocal(ENTRY_TIME);
        zip.putNextEntry(entry);
        Files.copy(file, zip);
        zip.closeEntry();
      }
    }
    return bytes.toByteArray();
  }

  /**
   * Unpacks an archive written by {@link #archive} into a directory.
   *
   * @param archive zip bytes
   * @param dir     target directory, created if missing
   * @throws IOException if the archive is corrupt or names a path outside {@code dir}
   */
  public static void extract(InputStream archive, Path dir) throws IOException {
    Path root = Files.createDirectories(dir).toAbsolutePath().normalize();
    int entries = 0;
    try (ZipInputStream zip = new ZipInputStream(archive)) {
      for (ZipEntry entry; (entry = zip.getNextEntry()) != null; entries++) {
        Path target = root.resolve(entry.getName()).normalize();
        if (!target.getParent().equals(root)) {
          throw new IOException("archive entry '" + entry.getName() + "' is not a plain file name");
        }
        try (OutputStream out = Files.newOutputStream(target)) {
          zip.transferTo(out);
        }
      }
    }
    if (entries == 0) {
      throw new IOException("not a CNN model archive: no entries");
    }
  }

  /** Deletes a directory tree; used for scratch folders, so failures are reported, not thrown. */
  public static void deleteQuietly(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
