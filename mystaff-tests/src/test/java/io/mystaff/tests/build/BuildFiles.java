package io.mystaff.tests.build;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the reactor's sources for the tests that check the build's rules on them. */
final class BuildFiles {
  private BuildFiles() {}

  /** The reactor's root: the nearest directory up from here whose pom.xml is mystaff-parent. */
  static Path repositoryRoot() {
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      Path pom = p.resolve("pom.xml");
      try {
        if (Files.exists(pom)
            && Files.readString(pom).contains("<artifactId>mystaff-parent</artifactId>")
            && Files.isDirectory(p.resolve("mystaff-api"))) {
          return p;
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    throw new IllegalStateException("not run inside the mystaff reactor");
  }
}
