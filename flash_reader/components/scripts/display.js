// Display preferences (表示設定). Runs inline in <head>: the reader's choice is on <html>
// before the first paint, and changing it never talks to the server.
(function () {
  var KEY = "flash-reader:display";
  var root = document.documentElement;
  // The page's words (render/templates/chrome.html writes them as JSON from the catalogue,
  // flash_reader/i18n, in the page's language): no script keeps its own copy.
  // (The builder's header is re-rendered in the page's language: read the element in place.)
  var WORDS = null, WORDS_FROM = null;
  function words(key, values) {
    var source = document.getElementById("fr-messages");
    if (source !== WORDS_FROM) {
      WORDS_FROM = source;
      try { WORDS = source ? JSON.parse(source.textContent) : null; } catch (error) { WORDS = null; }
    }
    var text = (WORDS && WORDS[key]) || key;
    return text.replace(/\{(\w+)\}/g, function (all, name) {
      return values && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : all;
    });
  }
  window.flashWords = words;
  var THEMES = { "default": 1, "light-high": 1, "dark-high": 1, "blue-yellow": 1 };
  var SIZE_MIN = 100, SIZE_MAX = 300, SIZE_STEP = 10;
  var ATTRIBUTES = { theme: "data-theme", size: "data-size", spacing: "data-spacing",
                     measure: "data-measure", furigana: "data-furigana",
                     layout: "data-layout" };
  // 読みやすいフォント (BIZ UDPゴシック): reader.css switches font-family on data-font="ud".
  ATTRIBUTES.font = "data-font";
  // Its @font-face rules (copied from npm by `make setup`) are about 220 KB of CSS: added to the
  // page only once the reader chooses the font. The browser then fetches only the
  // unicode-range slices holding characters the page shows.
  var FONT_CSS = "/fonts/biz-udpgothic/biz-udpgothic.css", FONT_LINK = "fr-font-faces";
  // The values the choices may take (their names are the catalogue's furigana.* and rate.*).
  var FURIGANA = { "all": 1, "grade-1": 1, "grade-2": 1, "grade-3": 1, "grade-4": 1,
                   "grade-5": 1, "grade-6": 1 };
  var RATES = { "0.7": 1, "0.85": 1, "1.2": 1, "1.5": 1 };

  function clean(raw) {
    var prefs = {};
    if (!raw || typeof raw !== "object") return prefs;
    if (Object.prototype.hasOwnProperty.call(THEMES, raw.theme)) prefs.theme = raw.theme;
    var size = Number(raw.size);
    if (size >= SIZE_MIN && size <= SIZE_MAX && size % SIZE_STEP === 0 && size !== SIZE_MIN) {
      prefs.size = String(size);
    }
    if (raw.spacing === "wide") prefs.spacing = "wide";
    if (raw.measure === "narrow") prefs.measure = "narrow";
    if (raw.font === "ud") prefs.font = "ud";
    if (Object.prototype.hasOwnProperty.call(FURIGANA, raw.furigana)) prefs.furigana = raw.furigana;
    if (Object.prototype.hasOwnProperty.call(RATES, raw.rate)) prefs.rate = raw.rate;
    if (raw.layout === "headlines") prefs.layout = "headlines";
    return prefs;
  }

  function read() {
    try { return clean(JSON.parse(window.localStorage.getItem(KEY) || "{}")); }
    catch (error) { return {}; }
  }

  function write(prefs) {
    try {
      if (Object.keys(prefs).length) window.localStorage.setItem(KEY, JSON.stringify(prefs));
      else window.localStorage.removeItem(KEY);
    } catch (error) { /* private mode: the choice lasts for this page only */ }
  }

  function loadFontFaces(prefs) {
    if (!prefs.font || document.getElementById(FONT_LINK)) return;
    var link = document.createElement("link");
    link.id = FONT_LINK; link.rel = "stylesheet"; link.href = FONT_CSS;
    (document.head || root).appendChild(link);
  }

  function apply(prefs) {
    for (var name in ATTRIBUTES) {
      if (prefs[name]) root.setAttribute(ATTRIBUTES[name], prefs[name]);
      else root.removeAttribute(ATTRIBUTES[name]);
    }
    loadFontFaces(prefs);
  }

  var prefs = read();
  apply(prefs);

  // Reflex's colour-mode script (before this one) and its theme provider (after hydration)
  // write an inline `color-scheme` on <html> from the OS setting. An inline style beats the
  // stylesheet, so native controls would follow the OS instead of the chosen theme: remove it
  // whenever it appears, and themes.css decides.
  function dropInlineScheme() {
    if (root.style.getPropertyValue("color-scheme")) root.style.removeProperty("color-scheme");
  }
  dropInlineScheme();
  new MutationObserver(dropInlineScheme).observe(root, { attributes: true,
                                                         attributeFilter: ["style"] });

  // Reflect the choice in the controls (checked radios, the range, its output).
  function sync() {
    var size = prefs.size || String(SIZE_MIN);
    var controls = document.querySelectorAll("[data-display-control]");
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i], kind = control.getAttribute("data-display-control");
      var value = prefs[kind] || "";
      if (control.type === "range") {
        control.value = size;
        control.setAttribute("aria-valuetext", size + "%");
      } else if (control.type === "radio") {
        control.checked = kind === "size" ? control.value === size : control.value === value;
      } else if (control.type === "checkbox") {
        control.checked = control.value === value;
      }
    }
    // An attribute, not text: React re-renders the whole document if text differs at hydration.
    var outputs = document.querySelectorAll("[data-display-output=size]");
    for (var j = 0; j < outputs.length; j++) outputs[j].setAttribute("data-value", size);
    // A page React renders (the builder) names its language and title here once its state
    // knows them (components/layout.py); server pages have them from the start.
    var page = document.getElementById("page-language");
    var lang = page && page.getAttribute("data-lang"), title = page && page.getAttribute("data-title");
    if (lang && root.getAttribute("lang") !== lang) root.setAttribute("lang", lang);
    if (title && document.title !== title) document.title = title;
    // Its address chose the language (?lang=): remember it as the server pages' cookie does.
    var cookie = page && page.getAttribute("data-cookie");
    if (cookie && lang && new URLSearchParams(window.location.search).get("lang") === lang) {
      document.cookie = cookie + "=" + encodeURIComponent(lang)
        + "; path=/; max-age=31536000; SameSite=Lax";
    }
  }

  function describe(name) {
    if (name === "theme") {
      return words("js.theme", { value: words("theme." + (prefs.theme || "system")) });
    }
    if (name === "size") return words("js.size", { value: prefs.size || SIZE_MIN });
    if (name === "spacing") return words(prefs.spacing ? "js.spacing_on" : "js.spacing_off");
    if (name === "measure") return words(prefs.measure ? "js.measure_on" : "js.measure_off");
    if (name === "font") return words(prefs.font ? "js.font_on" : "js.font_off");
    if (name === "furigana") {
      return words("js.furigana", { value: words("furigana." + (prefs.furigana || "none")) });
    }
    if (name === "rate") return words("js.rate", { value: words("rate." + (prefs.rate || "normal")) });
    if (name === "layout") return words(prefs.layout ? "js.layout_on" : "js.layout_off");
    return words("js.reset");
  }

  function announce(message) {
    var status = document.getElementById("display-status");
    if (status && status.textContent !== message) status.textContent = message;
  }

  function set(name, value) {
    var next = {};
    for (var key in prefs) next[key] = prefs[key];
    if (value) next[name] = value; else delete next[name];
    prefs = clean(next);
    apply(prefs); write(prefs); sync(); announce(describe(name));
  }

  function reset() {
    prefs = {};
    apply(prefs); write(prefs); sync(); announce(describe("reset"));
  }

  window.flashDisplay = {
    get: function () { return clean(prefs); },
    set: set,
    reset: reset
  };

  function onControl(event) {
    var control = event.target;
    if (!control || !control.getAttribute) return;
    var kind = control.getAttribute("data-display-control");
    if (!kind) return;
    if (control.type === "checkbox") set(kind, control.checked ? control.value : "");
    else if (control.type === "range" || control.checked) {
      set(kind, control.value);
    }
  }
  document.addEventListener("change", onControl);
  // The text-size slider: while it is pressed and dragged it only shows the size it is at;
  // the size is applied on release ("change"; each arrow key is one). So a press moved back
  // before release changes nothing (WCAG 2.5.2), and the page does not re-flow under the
  // pointer while it drags.
  document.addEventListener("input", function (event) {
    var control = event.target;
    if (!control || control.type !== "range" || !control.getAttribute("data-display-control")) {
      return;
    }
    control.setAttribute("aria-valuetext", control.value + "%");
    var outputs = document.querySelectorAll("[data-display-output=size]");
    for (var j = 0; j < outputs.length; j++) outputs[j].setAttribute("data-value", control.value);
  });
  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("[data-display-reset]");
    if (button) reset();
  });
  // Esc closes the open panel (a <details>, which has no key of its own) and puts focus back
  // on its summary, as for any disclosure.
  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" || event.defaultPrevented) return;
    var panel = document.getElementById("display-settings");
    if (!panel || !panel.open || !panel.contains(document.activeElement)) return;
    event.preventDefault();
    panel.open = false;
    var summary = panel.querySelector("summary");
    if (summary) summary.focus();
  });
  // 見出しだけ表示: each article's 「本文」 button opens and closes its body in place. The
  // button keeps focus (a disclosure); reader.css hides the body while aria-expanded is false.
  document.addEventListener("click", function (event) {
    var toggle = event.target && event.target.closest && event.target.closest("[data-item-toggle]");
    if (!toggle) return;
    var open = toggle.getAttribute("aria-expanded") !== "true";
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
  });
  // Another tab changed the settings.
  window.addEventListener("storage", function (event) {
    if (event.key === KEY || event.key === null) { prefs = read(); apply(prefs); sync(); }
  });
  // If React ever re-renders <html> it drops our attributes: put them back at once.
  new MutationObserver(function () {
    for (var name in ATTRIBUTES) {
      if (root.getAttribute(ATTRIBUTES[name]) !== (prefs[name] || null)) { apply(prefs); return; }
    }
  }).observe(root, { attributes: true, attributeFilter: Object.keys(ATTRIBUTES).map(
    function (name) { return ATTRIBUTES[name]; }) });

  // The controls are rendered (and re-rendered by React) after this script: keep them in sync.
  function watch() {
    sync();
    new MutationObserver(function (records) {
      for (var i = 0; i < records.length; i++) {
        for (var k = 0; k < records[i].addedNodes.length; k++) {
          if (records[i].addedNodes[k].nodeType === 1) { sync(); return; }  // elements only
        }
      }
    }).observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", watch);
  else watch();
})();
