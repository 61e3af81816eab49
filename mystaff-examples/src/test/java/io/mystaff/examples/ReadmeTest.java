package io.mystaff.examples;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the README true: its first two commands are the demo and the test command, and its Java
 * snippets compile against the current code (each is compiled as it stands, imports and all).
 */
class ReadmeTest {
  private static final Pattern FENCE = Pattern.compile("(?ms)^```(\\w*)\\n(.*?)^```");
  private static final Pattern TYPE_DECLARATION =
      Pattern.compile("(?m)^(public |final |abstract )*(class|record|interface|enum) (\\w+)");

  private static String readme() throws IOException {
    Path here = Path.of("").toAbsolutePath();
    Path readme = here.resolve("README.md");
    if (!Files.exists(readme)) {
      readme = here.getParent().resolve("README.md");
    }
    return Files.readString(readme, StandardCharsets.UTF_8);
  }

  /** The fenced blocks of the given language, in order. */
  private static List<String> blocks(String markdown, String language) {
    List<String> blocks = new ArrayList<>();
    Matcher m = FENCE.matcher(markdown);
    while (m.find()) {
      if (m.group(1).equals(language)) {
        blocks.add(m.group(2));
      }
    }
    return blocks;
  }

  @Test
  void firstTwoCommands_areTheDemoAndTheTests() throws IOException {
    List<String> commands = new ArrayList<>();
    for (String block : blocks(readme(), "bash")) {
      block
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(commands::add);
    }
    assertThat(commands).hasSizeGreaterThanOrEqualTo(2);
    assertThat(commands.subList(0, 2))
        .containsExactly("mvn -B -q -DskipTests -Pdemo verify", "mvn -B verify");
  }

  @Test
  void demoCommand_isBoundToTheDemoProfileOnly() throws IOException {
    Path examplesPom = Path.of("").toAbsolutePath().resolve("pom.xml");
    if (!Files.readString(examplesPom).contains("<artifactId>mystaff-examples</artifactId>")) {
      examplesPom = Path.of("").toAbsolutePath().resolve("mystaff-examples").resolve("pom.xml");
    }
    String pom = Files.readString(examplesPom);
    String beforeProfiles = pom.substring(0, pom.indexOf("<profiles>"));
    String demoProfile = pom.substring(pom.indexOf("<id>demo</id>"));
    assertThat(beforeProfiles)
        .as("plain verify must not run the demo")
        .doesNotContain("<executions>");
    assertThat(demoProfile).contains("<phase>verify</phase>").contains("<goal>java</goal>");
    assertThat(pom).contains("<mainClass>" + RetailDemo.class.getName() + "</mainClass>");
  }

  @Test
  void javaSnippets_compileAgainstTheCurrentCode(@TempDir Path out) throws IOException {
    List<String> snippets = blocks(readme(), "java");
    assertThat(snippets).as("the README's quick starts").hasSizeGreaterThanOrEqualTo(2);
    JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
    assertThat(compiler).as("tests run on a JDK").isNotNull();

    List<JavaFileObject> sources = new ArrayList<>();
    for (int i = 0; i < snippets.size(); i++) {
      sources.add(source("ReadmeSnippet" + i, snippets.get(i)));
    }
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    StringWriter log = new StringWriter();
    try (StandardJavaFileManager files =
        compiler.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
      boolean compiled =
          compiler
              .getTask(
                  log,
                  files,
                  diagnostics,
                  List.of(
                      "-classpath",
                      System.getProperty("java.class.path"),
                      "-d",
                      out.toString(),
                      "-proc:none"),
                  null,
                  sources)
              .call();
      StringBuilder report = new StringBuilder();
      diagnostics
          .getDiagnostics()
          .forEach(
              d ->
                  report
                      .append(d.getSource() == null ? "" : d.getSource().getName())
                      .append(':')
                      .append(d.getLineNumber())
                      .append(": ")
                      .append(d.getMessage(Locale.ROOT))
                      .append('\n'));
      assertThat(compiled).as("README snippets compile:\n%s%s", report, log).isTrue();
    }
  }

  /**
   * A snippet as a compilation unit: as is if it declares a type, otherwise its imports followed by
   * its statements as the body of a method.
   */
  private static JavaFileObject source(String name, String snippet) {
    Matcher type = TYPE_DECLARATION.matcher(snippet);
    String code;
    String className = name;
    if (type.find()) {
      code = snippet;
      className = type.group(3);
    } else {
      StringBuilder imports = new StringBuilder();
      StringBuilder body = new StringBuilder();
      for (String line : snippet.split("\n", -1)) {
        if (line.startsWith("import ")) {
          imports.append(line).append('\n');
        } else {
          body.append("    ").append(line).append('\n');
        }
      }
      code =
          imports + "\nclass " + name + " {\n  void run() throws Exception {\n" + body + "  }\n}\n";
    }
    String text = code;
    return new SimpleJavaFileObject(
        URI.create("string:///" + className + ".java"), JavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return text;
      }
    };
  }
}
