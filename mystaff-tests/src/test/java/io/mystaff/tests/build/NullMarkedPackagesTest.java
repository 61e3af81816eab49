package io.mystaff.tests.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every package of every module's main code is {@code @NullMarked} in its {@code
 * package-info.java}: NullAway checks only {@code @NullMarked} code (OnlyNullMarked), so a package
 * that forgot the annotation would silently escape the nullness check.
 */
class NullMarkedPackagesTest {
  private static final Pattern NULL_MARKED =
      Pattern.compile("(?m)^@(org\\.jspecify\\.annotations\\.)?NullMarked\\s*$");

  @Test
  void everyMainPackageOfEveryModule_isNullMarked() {
    Path root = BuildFiles.repositoryRoot();
    List<Path> sourceRoots = mainSourceRoots(root);
    assertThat(sourceRoots)
        .as("main source roots under %s", root)
        .extracting(p -> root.relativize(p).getName(0).toString())
        .contains("mystaff-api", "mystaff-core", "mystaff-testkit", "mystaff-postgres");

    Set<String> unmarked = new TreeSet<>();
    for (Path sourceRoot : sourceRoots) {
      for (Path pkg : unmarkedPackages(sourceRoot)) {
        unmarked.add(root.relativize(pkg).toString());
      }
    }
    assertThat(unmarked)
        .as("packages without @NullMarked in their package-info.java (add one)")
        .isEmpty();
  }

  @Test
  void unmarkedPackages_findsMissingAndUnannotatedPackageInfo(@TempDir Path dir)
      throws IOException {
    write(dir, "a/b/package-info.java", "@NullMarked\npackage a.b;\n");
    write(dir, "a/b/C.java", "package a.b;\nclass C {}\n");
    write(dir, "a/d/E.java", "package a.d;\nclass E {}\n");
    write(dir, "a/f/package-info.java", "/** Says @NullMarked only in prose. */\npackage a.f;\n");
    write(dir, "a/f/G.java", "package a.f;\nclass G {}\n");
    write(dir, "module-info.java", "module a {}\n");

    assertThat(unmarkedPackages(dir)).containsExactly(dir.resolve("a/d"), dir.resolve("a/f"));
  }

  /** The directories holding Java sources of a source root whose package is not NullMarked. */
  static List<Path> unmarkedPackages(Path sourceRoot) {
    try (Stream<Path> files = Files.walk(sourceRoot)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(p -> !p.getParent().equals(sourceRoot)) // module-info.java
          .map(Path::getParent)
          .distinct()
          .filter(pkg -> !isNullMarked(pkg.resolve("package-info.java")))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean isNullMarked(Path packageInfo) {
    try {
      return Files.exists(packageInfo) && NULL_MARKED.matcher(Files.readString(packageInfo)).find();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> mainSourceRoots(Path root) {
    try (Stream<Path> modules = Files.list(root)) {
      return modules
          .filter(m -> m.getFileName().toString().startsWith("mystaff-"))
          .map(m -> m.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path write(Path dir, String relative, String content) throws IOException {
    Path file = dir.resolve(relative);
    Files.createDirectories(file.getParent());
    return Files.writeString(file, content);
  }
}
