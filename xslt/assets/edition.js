// Progressive enhancement of the reading edition: everything works without this script
// (note calls are links to the notes, cards show on hover and focus); with it, a note
// opens in place under its call and Escape closes notes and cards.
(function () {
  "use strict";
  function closePop(pop) {
    var call = document.getElementById(pop.dataset.call);
    pop.remove();
    if (call) { call.setAttribute("aria-expanded", "false"); call.focus(); }
  }
  function openPop(call) {
    var id = call.getAttribute("href").slice(1);
    var old = document.getElementById("pop-" + id);
    if (old) { closePop(old); return; }
    var note = document.getElementById(id);
    if (!note) { return; }
    var pop = document.createElement("span");
    pop.className = "note-pop";
    pop.id = "pop-" + id;
    pop.dataset.call = call.id;
    pop.setAttribute("role", "note");
    pop.tabIndex = -1;
    var close = document.createElement("button");
    close.type = "button";
    close.textContent = "×";
    close.setAttribute("aria-label", "Close note");
    close.addEventListener("click", function () { closePop(pop); });
    pop.appendChild(close);
    var copy = note.cloneNode(true);
    copy.querySelectorAll("[id]").forEach(function (el) { el.removeAttribute("id"); });
    copy.querySelectorAll("p").forEach(function (p) {
      var s = document.createElement("span");
      s.className = "p";
      while (p.firstChild) { s.appendChild(p.firstChild); }
      p.replaceWith(s);
    });
    while (copy.firstChild) { pop.appendChild(copy.firstChild); }
    call.after(pop);
    call.setAttribute("aria-expanded", "true");
    pop.focus();
  }
  // On a touch screen (no hover) the first tap on a name shows its card; a second tap on
  // the same name follows the link to the index; a tap elsewhere closes the card.
  var touch = window.matchMedia && window.matchMedia("(hover: none)").matches;
  function closeCards(except) {
    document.querySelectorAll(".ent.open").forEach(function (ent) {
      if (ent !== except) { ent.classList.remove("open"); ent.classList.add("closed"); }
    });
  }
  document.addEventListener("click", function (e) {
    var call = e.target.closest("a.noteref");
    if (call) {
      e.preventDefault();
      openPop(call);
      return;
    }
    var ent = touch && e.target.closest(".ent");
    closeCards(ent);
    if (ent && !ent.classList.contains("open")) {
      e.preventDefault();
      ent.classList.remove("closed");
      ent.classList.add("open");
    }
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "Escape") { return; }
    document.querySelectorAll(".note-pop").forEach(closePop);
    document.querySelectorAll(".ent").forEach(function (ent) {
      ent.classList.remove("open");
      ent.classList.add("closed");
    });
  });
  document.addEventListener("focusin", function (e) {
    var ent = e.target.closest && e.target.closest(".ent");
    if (ent) { ent.classList.remove("closed"); }
  });
  document.addEventListener("mouseover", function (e) {
    var ent = e.target.closest && e.target.closest(".ent");
    if (ent) { ent.classList.remove("closed"); }
  });

  // Names: one tab stop per paragraph (the first name); the arrow keys move between the
  // names of the paragraph. Without script every name is a tab stop.
  var BLOCKS = "p, li, .fn, .l, .u, .sp, td, h1, h2, h3, h4, h5, h6";
  var groups = new Map();
  document.querySelectorAll("main span.ent > a").forEach(function (a) {
    var block = a.closest(BLOCKS) || document.body;
    if (!groups.has(block)) { groups.set(block, []); }
    a.tabIndex = groups.get(block).length ? -1 : 0;
    groups.get(block).push(a);
    a.dataset.roving = "";
  });
  document.addEventListener("keydown", function (e) {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") { return; }
    var a = e.target.closest && e.target.closest("a[data-roving]");
    if (!a) { return; }
    var names = groups.get(a.closest(BLOCKS) || document.body);
    var next = names[names.indexOf(a) + (e.key === "ArrowRight" ? 1 : -1)];
    if (!next) { return; }
    e.preventDefault();
    names.forEach(function (n) { n.tabIndex = -1; });
    next.tabIndex = 0;
    next.focus();
  });

  // Full-text search in the page, offline: passages whose text contains the query
  // (ignoring case and diacritics) are listed as links to them.
  var form = document.querySelector("form.search");
  if (!form) { return; }
  form.hidden = false;
  var input = form.querySelector("input"), status = form.querySelector("#search-status");
  var list = form.querySelector("#search-results");
  var PASSAGES = "article p, article li, article .l, article td, article h2, article h3, article h4, .fn";
  var passages = Array.prototype.filter.call(document.querySelectorAll(PASSAGES), function (el) {
    return !el.querySelector(PASSAGES) && !el.closest(".card");
  });
  function fold(s) { return s.normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase(); }
  var texts = passages.map(function (el) { return fold(el.textContent.replace(/\s+/g, " ")); });
  function search() {
    var q = fold(input.value.trim().replace(/\s+/g, " "));
    list.textContent = "";
    if (q.length < 2) { status.textContent = ""; return; }
    var hits = [];
    texts.forEach(function (t, i) { if (t.indexOf(q) >= 0) { hits.push(i); } });
    status.textContent = hits.length ? hits.length + " " + form.dataset.some : form.dataset.none;
    hits.slice(0, 50).forEach(function (i, k) {
      var el = passages[i];
      if (!el.id) { el.id = "passage-" + i; }
      var raw = el.textContent.replace(/\s+/g, " "), at = texts[i].indexOf(q);
      var li = document.createElement("li"), a = document.createElement("a");
      a.href = "#" + el.id;
      var start = Math.max(0, at - 40);
      a.appendChild(document.createTextNode((start ? "…" : "") + raw.slice(start, at)));
      var mark = document.createElement("mark");
      mark.textContent = raw.slice(at, at + q.length);
      a.appendChild(mark);
      a.appendChild(document.createTextNode(raw.slice(at + q.length, at + q.length + 60) + "…"));
      li.appendChild(a);
      list.appendChild(li);
    });
  }
  input.addEventListener("input", search);
  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var first = list.querySelector("a");
    if (first) { first.click(); }
  });
})();
