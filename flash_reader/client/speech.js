// 読み上げ: read an article or the whole issue aloud with the browser's own speech synthesis
// (ja-JP). Nothing is sent to any server. The sentence being read is highlighted with the CSS
// Custom Highlight API, so the page's DOM is never rewritten.
import config from "./config.js";
import * as display from "./display.js";
import { words } from "./words.js";

export function init() {
  var root = document.documentElement;
  if (!("speechSynthesis" in window) || typeof window.SpeechSynthesisUtterance === "undefined") {
    return;  // no synthesis: the controls stay hidden (CSS keys on data-speech)
  }
  root.setAttribute("data-speech", "on");
  new MutationObserver(function () {
    if (!root.hasAttribute("data-speech")) root.setAttribute("data-speech", "on");
  }).observe(root, { attributes: true, attributeFilter: ["data-speech"] });

  var BLOCKS = "h1 .issue-date, article h2, article figcaption, article .item-paragraph";
  var SKIP = "rt, script, style, .visually-hidden, .speech-controls";
  var CONTROLS = ".speech-controls";
  // Chromium loads its voices after the page starts and fires voiceschanged; a device with none
  // never does. Wait this long before saying there is no voice.
  var VOICE_WAIT_MS = 1000;
  var run = 0, sentences = [], index = 0, paused = false, scopeLabel = "";
  var voice = null, active = null;  // the voice in use; the controls group being read

  function announce(text) {
    var status = document.getElementById(config.ids.speech_status);
    if (status && status.textContent !== text) status.textContent = text;
  }

  function rate() {
    return Number(display.get().rate || 1);
  }

  function voices() { return window.speechSynthesis.getVoices() || []; }

  // A Japanese voice; else the device's default voice (said aloud to the reader); else null.
  function chooseVoice() {
    var list = voices(), fallback = null;
    for (var i = 0; i < list.length; i++) {
      if (/^ja([-_]|$)/i.test(list[i].lang)) return list[i];
      if (list[i].default && !fallback) fallback = list[i];
    }
    return fallback || list[0] || null;
  }

  function withVoices(callback) {
    var synth = window.speechSynthesis, done = false;
    if (voices().length) { callback(); return; }
    function finish() {
      if (done) return;
      done = true;
      if (synth.removeEventListener) synth.removeEventListener("voiceschanged", finish);
      callback();
    }
    if (synth.addEventListener) synth.addEventListener("voiceschanged", finish);
    window.setTimeout(finish, VOICE_WAIT_MS);
  }

  // Sentences of the given blocks: their text (readings skipped) and the Range they cover.
  function collect(blocks) {
    var found = [];
    blocks.forEach(function (block) {
      var nodes = [], text = "";
      var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT, {
        acceptNode: function (node) {
          return node.parentElement && node.parentElement.closest(SKIP)
            ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
        }
      });
      while (walker.nextNode()) {
        nodes.push({ node: walker.currentNode, start: text.length });
        text += walker.currentNode.textContent;
      }
      var pattern = /[^。！？!?]+[。！？!?」』）)]*/g, match;
      while ((match = pattern.exec(text))) {
        var sentence = match[0].trim();
        if (!sentence) continue;
        var begin = match.index + match[0].indexOf(sentence), end = begin + sentence.length;
        found.push({ text: sentence, range: rangeOf(nodes, begin, end) });
      }
    });
    return found;
  }

  function rangeOf(nodes, begin, end) {
    var range = document.createRange();
    for (var i = 0; i < nodes.length; i++) {
      var n = nodes[i], length = n.node.textContent.length;
      if (begin >= n.start && begin <= n.start + length) range.setStart(n.node, begin - n.start);
      if (end >= n.start && end <= n.start + length) { range.setEnd(n.node, end - n.start); break; }
    }
    return range;
  }

  function highlight(range) {
    // Said whatever the browser can highlight: the reading ruler follows the sentence too.
    document.dispatchEvent(new CustomEvent(config.events.speaking, { detail: range || null }));
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    if (range) CSS.highlights.set("fr-speaking", new Highlight(range));
    else CSS.highlights.delete("fr-speaking");
  }

  function speakNext(id) {
    if (id !== run) return;
    if (index >= sentences.length) {
      finish(words("js.speech_done"));
      return;
    }
    var sentence = sentences[index];
    var utterance = new window.SpeechSynthesisUtterance(sentence.text);
    utterance.lang = "ja-JP";
    utterance.rate = rate();
    if (voice) utterance.voice = voice;
    utterance.onstart = function () { if (id === run) highlight(sentence.range); };
    utterance.onend = function () { if (id === run) { index += 1; speakNext(id); } };
    // An error that is not our own cancel means the device cannot speak: say so instead of
    // skipping through every sentence to 「読み上げが終わりました」.
    utterance.onerror = function (event) {
      if (id !== run) return;
      var error = event && event.error;
      if (error === "interrupted" || error === "canceled") return;
      window.speechSynthesis.cancel();
      finish(words(/unavailable/.test(error || "") ? "js.no_voice" : "js.speech_failed"));
    };
    window.speechSynthesis.speak(utterance);
  }

  function play(blocks, label, group) {
    stop(true);
    var id = run;
    withVoices(function () {
      if (id !== run) return;  // stopped or restarted while waiting for voices
      voice = chooseVoice();
      if (!voice) { announce(words("js.no_voice")); return; }
      index = 0; paused = false; scopeLabel = label; active = group;
      sentences = collect(blocks);
      refreshControls();
      announce(/^ja([-_]|$)/i.test(voice.lang) ? words("js.speech_reading", { label: label })
        : words("js.speech_other_voice", { voice: voice.name, voice_lang: voice.lang,
                                            label: label }));
      speakNext(id);
    });
  }

  function finish(message) {
    run += 1; paused = false; active = null; sentences = [];
    highlight(null); refreshControls();
    if (message) announce(message);
  }

  function stop(quiet) {
    window.speechSynthesis.cancel();
    finish(quiet ? "" : words("js.speech_stopped"));
  }

  function togglePause() {
    paused = !paused;
    if (paused) {
      window.speechSynthesis.pause(); announce(words("js.speech_paused", { label: scopeLabel }));
    } else {
      window.speechSynthesis.resume(); announce(words("js.speech_resumed", { label: scopeLabel }));
    }
    refreshControls();
  }

  // Only the group being read can pause or stop: every other group's 一時停止 and 停止 are
  // hidden, out of the tab order (16 stops that did nothing, issue 25.4). A control that goes
  // while it has the focus (停止 pressed, the reading over) hands it to its group's play button.
  function refreshControls() {
    var focused = document.activeElement;
    var buttons = document.querySelectorAll("[data-speech-action=pause], [data-speech-action=stop]");
    for (var i = 0; i < buttons.length; i++) {
      var button = buttons[i], mine = !!active && active.contains(button);
      button.hidden = !mine;
      if (button.getAttribute("data-speech-action") === "pause") {
        button.setAttribute("aria-pressed", String(mine && paused));
      }
    }
    if (focused && focused.hidden && focused.closest(CONTROLS)) {
      focused.closest(CONTROLS).querySelector("[data-speech-action=play]").focus();
    }
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("[data-speech-action]");
    if (!button) return;
    var action = button.getAttribute("data-speech-action");
    var group = button.closest(CONTROLS);
    if (action === "pause" || action === "stop") {
      if (!active || !active.contains(button)) return;  // this group is not being read
      if (action === "pause") togglePause(); else stop(false);
      return;
    }
    var article = button.closest("article");
    if (article) {
      var heading = article.querySelector("h2");
      play(Array.prototype.slice.call(article.querySelectorAll(BLOCKS)),
           heading ? heading.getAttribute("aria-label") || heading.textContent : words("js.speech_article"),
           group);
    } else {
      play(Array.prototype.slice.call(document.querySelectorAll(BLOCKS)), words("js.speech_issue"),
           group);
    }
  });
  // Leaving the page ends the reading (it must not go on under another page, and a page that
  // is speaking is not kept in the back/forward cache).
  window.addEventListener("pagehide", function () { if (active) stop(true); });
}
