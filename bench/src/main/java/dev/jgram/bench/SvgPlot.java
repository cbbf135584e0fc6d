package dev.jgram.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A minimal SVG writer for side-by-side log-log line panels with legends. */
final class SvgPlot {
  private static final int PANEL_W = 460;
  private static final int PLOT_H = 300;
  private static final int LEFT = 70;
  private static final int TOP = 50;
  private static final int PLOT_W = PANEL_W - LEFT - 20;
  private static final int LEGEND_LINE = 18;
  private static final String SOLID_DASH = "";

  /**
   * One line of the chart.
   *
   * @param label the legend text
   * @param color the stroke colour
   * @param dash the SVG dash array, empty for a solid line
   * @param points value by N, in N order
   */
  record Series(String label, String color, String dash, Map<Integer, Double> points) {}

  /**
   * One panel: a title and its lines.
   *
   * @param title the panel title
   * @param series the lines
   */
  record Panel(String title, List<Series> series) {}

  private SvgPlot() {}

  /** A whole SVG document: the panels side by side, the caption below. */
  static String document(String caption, Panel... panels) {
    int legendRows = 0;
    for (Panel p : panels) {
      legendRows = Math.max(legendRows, p.series().size());
    }
    int height = TOP + PLOT_H + 50 + legendRows * LEGEND_LINE + 30;
    int width = PANEL_W * panels.length;
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        + "width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" font-family=\"sans-serif\" "
        + "font-size=\"12\">%n", width, height, width, height));
    svg.append(String.format(Locale.ROOT,
        "<rect width=\"%d\" height=\"%d\" fill=\"white\"/>%n", width, height));
    for (int i = 0; i < panels.length; i++) {
      panel(svg, panels[i], i * PANEL_W);
    }
    svg.append(text(10, height - 12, escape(caption), "start", 10));
    return svg.append("</svg>\n").toString();
  }

  private static void panel(StringBuilder svg, Panel panel, int x0) {
    Axes axes = Axes.fit(panel.series());
    int left = x0 + LEFT;
    svg.append(text(left + PLOT_W / 2.0, 25, escape(panel.title()), "middle", 14));
    svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
        + "fill=\"none\" stroke=\"#333\"/>%n", left, TOP, PLOT_W, PLOT_H));
    for (int e = axes.yMinExp(); e <= axes.yMaxExp(); e++) {
      double y = TOP + axes.y(Math.pow(10, e)) * PLOT_H;
      svg.append(line(left, y, left + PLOT_W, y, "#ddd", SOLID_DASH));
      svg.append(text(left - 6, y + 4, axes.label(Math.pow(10, e)), "end", 11));
    }
    for (int n : axes.xs()) {
      double x = left + axes.x(n) * PLOT_W;
      svg.append(line(x, TOP, x, TOP + PLOT_H, "#eee", SOLID_DASH));
      svg.append(text(x, TOP + PLOT_H + 16, "N = " + axes.label(n), "middle", 11));
    }
    int legendY = TOP + PLOT_H + 40;
    for (Series s : panel.series()) {
      series(svg, s, axes, left);
      svg.append(line(left, legendY - 4, left + 28, legendY - 4, s.color(), s.dash(), 2));
      svg.append(text(left + 34, legendY, escape(s.label()), "start", 11));
      legendY += LEGEND_LINE;
    }
  }

  private static void series(StringBuilder svg, Series s, Axes axes, int left) {
    StringBuilder path = new StringBuilder();
    for (Map.Entry<Integer, Double> p : s.points().entrySet()) {
      double x = left + axes.x(p.getKey()) * PLOT_W;
      double y = TOP + axes.y(p.getValue()) * PLOT_H;
      path.append(path.length() == 0 ? "M" : " L").append(fmt(x)).append(' ').append(fmt(y));
      svg.append(String.format(Locale.ROOT,
          "<circle cx=\"%s\" cy=\"%s\" r=\"3\" fill=\"%s\"/>%n", fmt(x), fmt(y), s.color()));
    }
    svg.append(String.format(Locale.ROOT, "<path d=\"%s\" fill=\"none\" stroke=\"%s\" "
        + "stroke-width=\"2\"%s/>%n", path, s.color(), dashAttr(s.dash())));
  }

  private static String line(double x1, double y1, double x2, double y2, String color,
      String dash) {
    return line(x1, y1, x2, y2, color, dash, 1);
  }

  private static String line(double x1, double y1, double x2, double y2, String color,
      String dash, int width) {
    return String.format(Locale.ROOT, "<line x1=\"%s\" y1=\"%s\" x2=\"%s\" y2=\"%s\" "
        + "stroke=\"%s\" stroke-width=\"%d\"%s/>%n", fmt(x1), fmt(y1), fmt(x2), fmt(y2), color,
        width, dashAttr(dash));
  }

  private static String text(double x, double y, String text, String anchor, int size) {
    return String.format(Locale.ROOT, "<text x=\"%s\" y=\"%s\" text-anchor=\"%s\" "
        + "font-size=\"%d\">%s</text>%n", fmt(x), fmt(y), anchor, size, text);
  }

  private static String dashAttr(String dash) {
    return dash.isEmpty() ? "" : " stroke-dasharray=\"" + dash + "\"";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
