package dev.jgram.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Log-scale axes of one chart panel: N across, a rate upwards, both fitted to whole decades
 * around the data. Positions are fractions of the plot, 0 at the left and at the top.
 *
 * @param xs every N that has a point
 * @param xMin the smallest N shown
 * @param xMax the largest N shown
 * @param yMinExp the lowest decade shown, as a power of ten
 * @param yMaxExp the highest decade shown, as a power of ten
 */
record Axes(TreeSet<Integer> xs, double xMin, double xMax, int yMinExp, int yMaxExp) {

  /** Fits axes around every point of every series. */
  static Axes fit(List<SvgPlot.Series> series) {
    TreeSet<Integer> xs = new TreeSet<>();
    double yMin = Double.MAX_VALUE;
    double yMax = 0;
    for (SvgPlot.Series s : series) {
      for (Map.Entry<Integer, Double> p : s.points().entrySet()) {
        xs.add(p.getKey());
        yMin = Math.min(yMin, p.getValue());
        yMax = Math.max(yMax, p.getValue());
      }
    }
    if (xs.isEmpty()) {
      return new Axes(xs, 1e4, 1e6, 3, 7);
    }
    int lo = (int) Math.floor(Math.log10(Math.max(1, yMin)));
    int hi = (int) Math.ceil(Math.log10(Math.max(10, yMax)));
    return new Axes(xs, xs.first() / 2.0, xs.last() * 2.0, lo, Math.max(hi, lo + 1));
  }

  /** The horizontal position of {@code n}. */
  double x(double n) {
    return (Math.log10(n) - Math.log10(xMin)) / (Math.log10(xMax) - Math.log10(xMin));
  }

  /** The vertical position of {@code value}. */
  double y(double value) {
    return 1 - (Math.log10(value) - yMinExp) / (double) (yMaxExp - yMinExp);
  }

  /** A short label: {@code 10k}, {@code 1M}, {@code 100}. */
  String label(double value) {
    if (value >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (value >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
  }
}
