// 読み上げ: read an article or the whole issue aloud with the browser's own speech synthesis
// (ja-JP). Nothing is sent to any server. The sentence being read is highlighted with the CSS
// Custom Highlight API, so the page's DOM (owned by React) is never rewritten.
(function () {
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
  var run = 0, sentences = [], index = 0, paused = false, scopeLabel = "";

  function announce(text) {
    var status = document.getElementById("speech-status");
    if (status && status.textContent !== text) status.textContent = text;
  }

  function rate() {
    var prefs = window.flashDisplay ? window.flashDisplay.get() : {};
    return Number(prefs.rate || 1);
  }

  function japaneseVoice() {
    var voices = window.speechSynthesis.getVoices() || [];
    for (var i = 0; i < voices.length; i++) {
      if (/^ja([-_]|$)/i.test(voices[i].lang)) return voices[i];
    }
    return null;
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
    if (!window.CSS || !CSS.highlights || typeof Highlight === "undefined") return;
    if (range) CSS.highlights.set("fr-speaking", new Highlight(range));
    else CSS.highlights.delete("fr-speaking");
  }

  function speakNext(id) {
    if (id !== run) return;
    if (index >= sentences.length) {
      highlight(null); setPressed(false);
      announce("読み上げが終わりました。");
      return;
    }
    var sentence = sentences[index];
    var utterance = new window.SpeechSynthesisUtterance(sentence.text);
    utterance.lang = "ja-JP";
    utterance.rate = rate();
    var voice = japaneseVoice();
    if (voice) utterance.voice = voice;
    utterance.onstart = function () { if (id === run) highlight(sentence.range); };
    utterance.onend = function () { if (id === run) { index += 1; speakNext(id); } };
    utterance.onerror = function () { if (id === run) { index += 1; speakNext(id); } };
    window.__flashSpeaking = sentence.text;
    window.speechSynthesis.speak(utterance);
  }

  function play(blocks, label) {
    stop(true);
    run += 1; index = 0; paused = false; scopeLabel = label;
    sentences = collect(blocks);
    announce("読み上げています：" + label);
    speakNext(run);
  }

  function stop(quiet) {
    run += 1; paused = false;
    window.speechSynthesis.cancel();
    highlight(null); setPressed(false);
    if (!quiet) announce("読み上げを停止しました。");
  }

  function togglePause() {
    if (!sentences.length) return;
    paused = !paused;
    if (paused) { window.speechSynthesis.pause(); announce("一時停止しています：" + scopeLabel); }
    else { window.speechSynthesis.resume(); announce("読み上げを再開しました：" + scopeLabel); }
    setPressed(paused);
  }

  function setPressed(value) {
    var buttons = document.querySelectorAll("[data-speech-action=pause]");
    for (var i = 0; i < buttons.length; i++) buttons[i].setAttribute("aria-pressed", String(value));
  }

  document.addEventListener("click", function (event) {
    var button = event.target && event.target.closest && event.target.closest("[data-speech-action]");
    if (!button) return;
    var action = button.getAttribute("data-speech-action");
    if (action === "pause") { togglePause(); return; }
    if (action === "stop") { stop(false); return; }
    var article = button.closest("article");
    if (article) {
      var heading = article.querySelector("h2");
      play(Array.prototype.slice.call(article.querySelectorAll(BLOCKS)),
           heading ? heading.getAttribute("aria-label") || heading.textContent : "この記事");
    } else {
      play(Array.prototype.slice.call(document.querySelectorAll(BLOCKS)), "この号のすべての記事");
    }
  });
})();
