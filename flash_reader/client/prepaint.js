// Inline in <head>, before the first paint: the reader's stored display settings go on <html>
// (CSS keys on them), so a page never flashes in the default look. Everything else runs later,
// from the modules. The settings object is written in by flash_reader/render/client.py.
(function (s) {
  var p = {}, r = document.documentElement;
  try { p = JSON.parse(localStorage.getItem(s.key) || "{}") || {}; } catch (e) { p = {}; }
  var n = Number(p.size), ok = {
    theme: s.themes.indexOf(p.theme) >= 0,
    size: n > s.sizeMin && n <= s.sizeMax && n % s.sizeStep === 0,
    spacing: p.spacing === "wide", measure: p.measure === "narrow", font: p.font === "ud",
    furigana: s.furigana.indexOf(p.furigana) >= 0, layout: p.layout === "headlines"
  };
  for (var k in s.attributes) if (ok[k]) r.setAttribute(s.attributes[k], String(p[k]));
  if (ok.font) {
    var l = document.createElement("link");
    l.id = s.fontLink; l.rel = "stylesheet"; l.href = s.fontCss;
    document.head.appendChild(l);
  }
})(/*SETTINGS*/{});
