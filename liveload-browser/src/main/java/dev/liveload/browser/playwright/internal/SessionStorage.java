package dev.liveload.browser.playwright.internal;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Session storage in a storage snapshot: Playwright's storage state has cookies and local storage only, so
 * LiveLoad keeps each origin's session storage next to them and restores it with an init script (once per tab
 * and origin, marked by a {@code __liveload_restored} key).
 */
final class SessionStorage {
  /** Reads the current origin's session storage in the page. */
  static final String READ = "() => ({origin: location.origin, items: Object.keys(sessionStorage)"
      + ".map(k => ({name: k, value: sessionStorage.getItem(k)}))})";

  private SessionStorage() {}

  /**
   * A snapshot: Playwright's storage state with the page's session storage (as {@link #READ} returned it) added
   * to its origin's entry.
   */
  static String snapshot(String playwrightState, Object session) {
    JsonObject state = JsonParser.parseString(playwrightState).getAsJsonObject();
    if (!(session instanceof Map<?, ?> s) || !(s.get("items") instanceof List<?> items) || items.isEmpty()) {
      return state.toString();
    }
    String origin = String.valueOf(s.get("origin"));
    JsonArray origins = state.has("origins") ? state.getAsJsonArray("origins") : new JsonArray();
    JsonObject entry = null;
    for (JsonElement o : origins) {
      if (o.getAsJsonObject().get("origin").getAsString().equals(origin)) {
        entry = o.getAsJsonObject();
      }
    }
    if (entry == null) {
      entry = new JsonObject();
      entry.addProperty("origin", origin);
      entry.add("localStorage", new JsonArray());
      origins.add(entry);
    }
    var list = new JsonArray();
    for (Object item : items) {
      var kv = (Map<?, ?>) item;
      var e = new JsonObject();
      e.addProperty("name", String.valueOf(kv.get("name")));
      e.addProperty("value", String.valueOf(kv.get("value")));
      list.add(e);
    }
    entry.add("sessionStorage", list);
    state.add("origins", origins);
    return state.toString();
  }

  /** The snapshot as Playwright reads it (session storage left out). */
  static String withoutSessionStorage(String json) {
    JsonObject state = JsonParser.parseString(json).getAsJsonObject();
    if (state.has("origins")) {
      for (JsonElement o : state.getAsJsonArray("origins")) {
        o.getAsJsonObject().remove("sessionStorage");
      }
    }
    return state.toString();
  }

  /** An init script restoring the snapshot's session storage, or null when it has none. */
  static String restoreScript(String json) {
    JsonObject state = JsonParser.parseString(json).getAsJsonObject();
    if (!state.has("origins")) {
      return null;
    }
    var byOrigin = new LinkedHashMap<String, List<List<String>>>();
    for (JsonElement o : state.getAsJsonArray("origins")) {
      JsonObject origin = o.getAsJsonObject();
      if (!origin.has("sessionStorage")) {
        continue;
      }
      var items = new java.util.ArrayList<List<String>>();
      for (JsonElement e : origin.getAsJsonArray("sessionStorage")) {
        items.add(List.of(e.getAsJsonObject().get("name").getAsString(),
            e.getAsJsonObject().get("value").getAsString()));
      }
      byOrigin.put(origin.get("origin").getAsString(), items);
    }
    if (byOrigin.isEmpty()) {
      return null;
    }
    return "(() => { const all = " + new Gson().toJson((Map<String, ?>) byOrigin) + ";"
        + " const items = all[location.origin]; if (!items) return;"
        + " try { if (sessionStorage.getItem('__liveload_restored')) return;"
        + " for (const [k, v] of items) sessionStorage.setItem(k, v);"
        + " sessionStorage.setItem('__liveload_restored', '1'); } catch (e) {} })();";
  }
}
