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
})();
