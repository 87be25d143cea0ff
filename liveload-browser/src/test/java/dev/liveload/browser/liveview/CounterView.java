package dev.liveload.browser.liveview;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The LiveView the target serves: a counter with a button ({@code phx-click="inc"}), a form ({@code phx-submit}),
 * a patch link, and a button ({@code phx-click="watch"}) after which the server pushes ticks on its own, as
 * LiveView's rendered tree (statics and dynamics) and diffs. One instance per joined channel.
 */
final class CounterView {
  static final List<String> STATICS = List.of(
      "<p>Count: <span id=\"count\">",
      "</span></p><p>Page: <span id=\"page\">",
      "</span></p><button id=\"inc\" phx-click=\"inc\">Add one</button>"
          + " <a id=\"patch\" href=\"/?page=2\" data-phx-link=\"patch\" data-phx-link-state=\"push\">Page 2</a>"
          + "<form id=\"f\" phx-submit=\"save\"><input id=\"item\" name=\"item\">"
          + "<button id=\"save\" type=\"submit\">Save</button></form><p id=\"saved\">",
      "</p><p>Ticks: <span id=\"ticks\">",
      "</span></p><button id=\"watch\" phx-click=\"watch\">Watch</button>");

  private int count;
  private String page = "1";
  private String saved = "";
  private int ticks;

  /** The full tree, sent in the join reply. */
  Map<String, Object> rendered() {
    var m = new LinkedHashMap<String, Object>();
    m.put("0", Integer.toString(count));
    m.put("1", page);
    m.put("2", saved);
    m.put("3", Integer.toString(ticks));
    m.put("s", STATICS);
    return m;
  }

  /** The page as the first HTTP request renders it (before the socket joins). */
  static String staticHtml(String page) {
    return STATICS.get(0) + "0" + STATICS.get(1) + page + STATICS.get(2) + STATICS.get(3) + "0" + STATICS.get(4);
  }

  /** @return the diff of one more tick (the server pushes it on its own) */
  synchronized Map<String, Object> tick() {
    ticks++;
    return Map.of("3", Integer.toString(ticks));
  }

  Map<String, Object> click() {
    count++;
    return Map.of("0", Integer.toString(count));
  }

  Map<String, Object> submit(String item) {
    saved = "saved " + item;
    return Map.of("2", saved);
  }

  Map<String, Object> patch(String url) {
    int i = url.indexOf("page=");
    page = i < 0 ? "1" : url.substring(i + 5).split("&")[0];
    return Map.of("1", page);
  }
}
