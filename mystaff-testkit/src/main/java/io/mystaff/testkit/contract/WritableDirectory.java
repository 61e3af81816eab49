package io.mystaff.testkit.contract;

import static java.util.Objects.requireNonNull;

import io.mystaff.api.CapabilityNotSupportedException;
import io.mystaff.spi.Directory;
import io.mystaff.spi.DirectoryWriter;
import java.util.Optional;

/**
 * A {@link DirectoryWriter} together with the {@link Directory} that reads what it writes: the
 * subject of {@link DirectoryWriterTestSuiteBuilder}. Closing it closes each part that is {@link
 * AutoCloseable}, once.
 */
public record WritableDirectory(
    Directory reader, DirectoryWriter writer, Optional<PasswordVerifier> passwords)
    implements AutoCloseable {
  /**
   * A writer, its reader, and how to check stored passwords if the store can tell.
   *
   * @param reader reads what the writer writes
   * @param writer the writer under test
   * @param passwords checks a stored password ({@link DirectoryWriterFeature#VERIFIES_PASSWORDS})
   * @since 0.1.0
   */
  public WritableDirectory {
    requireNonNull(reader, "reader");
    requireNonNull(writer, "writer");
    requireNonNull(passwords, "passwords");
  }

  /**
   * A writer and its reader, without a way to check stored passwords.
   *
   * @param reader reads what the writer writes
   * @param writer the writer under test
   */
  public WritableDirectory(Directory reader, DirectoryWriter writer) {
    this(reader, writer, Optional.empty());
  }

  /**
   * This subject, checking stored passwords with {@code verifier}.
   *
   * @param verifier asks the store whether a password is a user's current one
   * @return a new subject with the same reader and writer
   * @since 0.1.0
   */
  public WritableDirectory verifyingPasswordsWith(PasswordVerifier verifier) {
    return new WritableDirectory(reader, writer, Optional.of(verifier));
  }

  /**
   * The password verifier.
   *
   * @return the verifier given with {@link #verifyingPasswordsWith}
   * @throws CapabilityNotSupportedException if none was given
   * @since 0.1.0
   */
  public PasswordVerifier passwordVerifier() {
    return passwords.orElseThrow(
        () ->
            new CapabilityNotSupportedException(
                "password verification",
                "The subject was built without verifyingPasswordsWith(...)."));
  }

  /**
   * One object that both reads and writes, such as {@code InMemoryDirectory} (whose stored
   * passwords are checked with {@code verifyingPasswordsWith(directory::verifyPassword)}).
   */
  public static <T extends Directory & DirectoryWriter> WritableDirectory of(T directory) {
    return new WritableDirectory(directory, directory);
  }

  @Override
  public void close() {
    Closing.close(writer, reader);
  }
}
