package dev.jgram.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Runs the per-N scenarios of the chosen engines, and the untimed warm-up before them. */
final class Runner {
  private final RunSettings settings;
  private final List<BenchMain.Engine> engines;

  Runner(RunSettings settings, List<BenchMain.Engine> engines) {
    this.settings = settings;
    this.engines = engines;
  }

  /**
   * Runs every scenario twice on a small workload (its own seed) and throws the figures away,
   * so that class loading, the SQLite library load and the JIT's first compilations are not
   * charged to the first measured N.
   */
  void warmUp(int n) {
    RunSettings quiet = new RunSettings(settings.dir(), settings.seed() + 1,
        settings.lookupCount(), settings.warmupMillis(), line -> { });
    Runner runner = new Runner(quiet, engines);
    runner.run(n);
    runner.run(n);
  }

  /** Every scenario of every chosen engine for {@code n} peers. */
  List<Result> run(int n) {
    Workload workload = Workload.generate(n, settings.seed());
    LookupKeys keys = LookupKeys.draw(workload, settings.lookupCount(),
        new SplittableRandom(settings.seed() * 31 + n));
    List<Result> results = new ArrayList<>();
    for (BenchMain.Engine engine : engines) {
      System.gc();
      results.addAll(switch (engine) {
        case FILE -> new FileScenarios(settings).run(workload, keys);
        case MEMORY -> new MemoryScenarios(settings).run(workload, keys);
        case POSTGRES -> throw new IllegalArgumentException(
            "the postgres engine runs through PostgresScenario, not the single-session runner");
      });
    }
    return results;
  }
}
