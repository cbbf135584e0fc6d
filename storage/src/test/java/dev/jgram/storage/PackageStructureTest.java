package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module's shape, as docs/architecture.md draws it: the descriptor exports the API and
 * the formats only, every package says what it holds, and the packages' imports form the
 * documented graph (formats use the API and the SQLite plumbing only; the API never imports
 * the formats).
 */
class PackageStructureTest {
  private static final Path SOURCES = Path.of("src/main/java/dev/jgram/storage");
  private static final Pattern IMPORT = Pattern.compile(
      "^import (dev\\.jgram\\.storage(?:\\.[a-z]+)*)\\.[A-Z]\\w*;", Pattern.MULTILINE);

  @Test
  void theModuleExportsTheApiAndTheFormatsOnly() throws Exception {
    Path classes = Path.of(Storage.class.getProtectionDomain().getCodeSource().getLocation()
        .toURI());
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertThat(module.name()).isEqualTo("dev.jgram.storage");
    assertThat(module.exports()).allSatisfy(e -> assertThat(e.isQualified()).isFalse());
    assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source))
        .containsExactlyInAnyOrder("dev.jgram.storage", "dev.jgram.storage.format");
  }

  @Test
  void everyPackageHasAPackageInfo() throws IOException {
    for (String pkg : imports().keySet()) {
      Path dir = SOURCES.resolve(pkg.substring("dev.jgram.storage".length()).replace('.', '/')
          .replaceFirst("^/", ""));
      assertThat(dir.resolve("package-info.java")).as(pkg).exists();
    }
  }

  @Test
  void theFormatsUseTheApiAndTheSqlitePlumbingOnly() throws IOException {
    assertThat(imports().get("dev.jgram.storage.format"))
        .isSubsetOf("dev.jgram.storage", "dev.jgram.storage.sqlite");
    assertThat(imports().get("dev.jgram.storage")).doesNotContain("dev.jgram.storage.format");
  }

  @Test
  void theEnginesAndTheirPartsDoNotImportEachOtherBothWays() throws IOException {
    Map<String, Set<String>> graph = imports();
    graph.forEach((from, targets) -> targets.stream()
        .filter(to -> !to.equals("dev.jgram.storage") && !from.equals("dev.jgram.storage"))
        .forEach(to -> assertThat(graph.getOrDefault(to, Set.of()))
            .as(from + " imports " + to + ", so " + to + " must not import " + from)
            .doesNotContain(from)));
    assertThat(graph.get("dev.jgram.storage.memory")).doesNotContain("dev.jgram.storage.file");
    assertThat(graph.get("dev.jgram.storage.file")).doesNotContain("dev.jgram.storage.memory");
  }

  /** Each package of the module's sources, mapped to the other storage packages it imports. */
  private static Map<String, Set<String>> imports() throws IOException {
    Map<String, Set<String>> graph = new TreeMap<>();
    try (Stream<Path> files = Files.walk(SOURCES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java"))
          .collect(Collectors.toList())) {
        String pkg = "dev.jgram.storage" + SOURCES.relativize(file.getParent()).toString()
            .replace('/', '.').replaceFirst("^(?=.)", ".");
        Set<String> targets = graph.computeIfAbsent(pkg, k -> new TreeSet<>());
        Matcher m = IMPORT.matcher(Files.readString(file));
        while (m.find()) {
          if (!m.group(1).equals(pkg)) {
            targets.add(m.group(1));
          }
        }
      }
    }
    return graph;
  }
}
