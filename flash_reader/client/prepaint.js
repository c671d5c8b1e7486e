// Inline in <head>, before the first paint: the reader's stored display settings go on <html>
// (CSS keys on them), so a page never flashes in the default look. Everything else runs later,
// from the modules. The settings object is written in by flash_reader/render/client.py.
(function (s) {
  var p = {}, r = document.documentElement;
  // Scripts run: the display settings can work (without them the panel says what does).
  r.setAttribute(s.scriptsAttribute, "");
  try { p = JSON.parse(localStorage.getItem(s.key) || "{}") || {}; } catch (e) { p = {}; }
  var n = Number(p.size), ok = {
    theme: s.themes.indexOf(p.theme) >= 0,
    size: n > s.sizeMin && n <= s.sizeMax && n % s.sizeStep === 0,
    spacing: p.spacing === "wide", measure: p.measure === "narrow", font: p.font === "ud",
    furigana: s.furigana.indexOf(p.furigana) >= 0, layout: p.layout === "headlines",
    ruler: p.ruler === "on"
  };
  for (var k in s.attributes) if (ok[k]) r.setAttribute(s.attributes[k], String(p[k]));
  if (ok.font) {
    var l = document.createElement("link");
    l.id = s.fontLink; l.rel = "stylesheet"; l.href = s.fontCss;
    document.head.appendChild(l);
  }
  // The language and the readings change a page's bytes, so they are asked for in the address
  // (a shared cache keys on it, never on cookies). A language the address names is remembered;
  // an address without one asks for the remembered one, before anything is painted.
  try {
    var q = new URLSearchParams(location.search), asked = q.get(s.params.lang), changed = false;
    var kept = (document.cookie.match(new RegExp("(?:^|; )" + s.cookie + "=([a-z]+)")) || [])[1];
    if (s.langs.indexOf(asked) >= 0) {
      if (asked !== kept) {
        document.cookie = s.cookie + "=" + asked + "; path=/; max-age=" + s.cookieMaxAge
          + "; SameSite=Lax";
      }
    } else if (s.langs.indexOf(kept) >= 0 && kept !== s.defaultLang) {
      q.set(s.params.lang, kept); changed = true;
    }
    if (ok.furigana && q.get(s.params.readings) !== "1") {
      q.set(s.params.readings, "1"); changed = true;
    }
    if (changed) location.replace(location.pathname + "?" + q.toString().replace(/%2C/g, ",")
                                  + location.hash);
  } catch (e) { /* an odd address or no cookies: the page as the address asked for it */ }
})(/*SETTINGS*/{});
