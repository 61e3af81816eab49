package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;

/**
 * A {@link DirectoryWriter} together with the {@link Directory} that reads what it writes: the
 * subject of {@link DirectoryWriterTestSuiteBuilder}. Closing it closes each part that is {@link
 * AutoCloseable}, once.
 */
public record WritableDirectory(Directory reader, DirectoryWriter writer) implements AutoCloseable {
  public WritableDirectory {
    requireNonNull(reader, "reader");
    requireNonNull(writer, "writer");
  }

  /** One object that both reads and writes, such as {@code InMemoryDirectory}. */
  public static <T extends Directory & DirectoryWriter> WritableDirectory of(T directory) {
    return new WritableDirectory(directory, directory);
  }

  @Override
  public void close() {
    Closing.close(writer, reader);
  }
}
