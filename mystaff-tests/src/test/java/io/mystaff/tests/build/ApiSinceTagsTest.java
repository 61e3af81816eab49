package io.mystaff.tests.build;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every public type of {@code mystaff-api}, nested ones included, says in its javadoc since which
 * release it exists ({@code @since}), so API users and japicmp reports can tell what is new.
 */
class ApiSinceTagsTest {
  /** A public type declaration and the javadoc comment right before it, if any. */
  private static final Pattern PUBLIC_TYPE =
      Pattern.compile(
          "(/\\*\\*(?:(?!\\*/).)*\\*/)?\\s*(?:@\\w+(?:\\([^)]*\\))?\\s*)*\\n\\s*public\\s+"
              + "(?:(?:static|final|abstract|sealed|non-sealed)\\s+)*"
              + "(?:class|interface|record|enum|@interface)\\s+(\\w+)",
          Pattern.DOTALL);

  @Test
  void everyPublicTypeOfTheApi_hasSince() {
    Path api = BuildFiles.repositoryRoot().resolve("mystaff-api/src/main/java");
    List<String> types = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (Path file : javaFiles(api)) {
      for (Declared d : declared(file)) {
        types.add(d.name());
        if (!d.hasSince()) {
          missing.add(api.relativize(file) + ": " + d.name());
        }
      }
    }
    assertThat(types).as("public types found").contains("MyStaffException", "Directory", "Builder");
    assertThat(missing).as("public API types without @since in their javadoc").isEmpty();
  }

  @Test
  void declared_seesNestedTypesAndTheirComments(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("A.java");
    Files.writeString(
        file,
        """
        package p;

        /**
         * A.
         *
         * @since 0.1.0
         */
        public final class A {
          /** B, without a tag. */
          public static final class B {}

          public record C(int x) {}

          /**
           * D.
           *
           * @since 0.2.0
           */
          @Deprecated
          public enum D {}
        }
        """);

    assertThat(declared(file))
        .containsExactly(
            new Declared("A", true),
            new Declared("B", false),
            new Declared("C", false),
            new Declared("D", true));
  }

  record Declared(String name, boolean hasSince) {}

  static List<Declared> declared(Path file) {
    try {
      Matcher m = PUBLIC_TYPE.matcher("\n" + Files.readString(file));
      List<Declared> out = new ArrayList<>();
      while (m.find()) {
        String doc = m.group(1);
        out.add(new Declared(m.group(2), doc != null && doc.contains("@since")));
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<Path> javaFiles(Path root) {
    try (Stream<Path> files = Files.walk(root)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith(".java"))
          .filter(p -> !p.getFileName().toString().endsWith("-info.java"))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
