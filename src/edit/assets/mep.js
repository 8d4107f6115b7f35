// mep bearbeiten: the page script. It sends each changed field to the server (at most one
// request in flight, later changes queued), shows the findings the server returns at each
// field, saves with Ctrl+S, warns before leaving with unsaved changes and shows Markdown
// previews. Without it the page still works: every button submits the whole form.
"use strict";
(function () {
  var form = document.getElementById("formular");
  var page = document.body.getAttribute("data-seite") || "";
  var unsaved = document.body.getAttribute("data-ungespeichert") === "true";
  var leaving = false;
  var queue = [];
  var busy = false;
  var timers = {};
  var pendingMark = {};
  var DELAY = 80;

  function byName(name) {
    var out = [];
    var all = form ? form.elements : [];
    for (var i = 0; i < all.length; i++) {
      if (all[i].name === name) out.push(all[i]);
    }
    return out;
  }

  function body(name) {
    var data = new URLSearchParams();
    data.append("seite", page);
    byName(name).forEach(function (el) {
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      data.append(name, el.value);
    });
    return data;
  }

  // Whether a change is still on its way (for tests and for the status line's honesty).
  function working() {
    var w = busy || queue.length > 0 || Object.keys(timers).length > 0;
    document.body.setAttribute("data-arbeitet", w ? "ja" : "nein");
  }

  function setUnsaved(flag) {
    unsaved = flag;
    document.body.setAttribute("data-ungespeichert", flag ? "true" : "false");
  }

  function apply(state) {
    var status = document.getElementById("status");
    if (status && typeof state.status === "string") status.innerHTML = state.status;
    setUnsaved(!!state.ungespeichert);
    var boxes = document.querySelectorAll(".befunde");
    var invalid = {};
    (state.ungueltig || []).forEach(function (id) { invalid[id] = true; });
    for (var i = 0; i < boxes.length; i++) {
      var fid = boxes[i].id.slice(2);
      var html = (state.befunde && state.befunde[fid]) || "";
      if (boxes[i].innerHTML !== html) boxes[i].innerHTML = html;
      var input = document.getElementById(fid);
      var targets = input && input.tagName === "LEGEND" ? [] : [input];
      if (input && input.tagName === "LEGEND") {
        var group = document.getElementById("w-" + fid);
        if (group) targets = Array.prototype.slice.call(group.querySelectorAll("input[type=checkbox]"));
      }
      targets.forEach(function (el) {
        if (!el || !el.setAttribute) return;
        if (invalid[fid]) el.setAttribute("aria-invalid", "true"); else el.removeAttribute("aria-invalid");
      });
    }
    var nav = state.navi || {};
    var spans = document.querySelectorAll("nav span[id^='n-']");
    for (var j = 0; j < spans.length; j++) {
      var text = nav[spans[j].id.slice(2)] || "";
      spans[j].innerHTML = "";
      if (text) {
        var s = document.createElement("span");
        s.className = "zahl";
        s.textContent = " (" + text + ")";
        spans[j].appendChild(s);
      }
    }
    showProblem(state.fehler || "");
  }

  function showProblem(text) {
    var box = document.getElementById("problem");
    if (!box) {
      box = document.createElement("p");
      box.id = "problem";
      box.className = "meldung";
      box.setAttribute("role", "alert");
      var main = document.getElementById("inhalt");
      if (main) main.insertBefore(box, main.firstChild.nextSibling);
    }
    box.textContent = text;
    box.hidden = !text;
  }

  function next() {
    if (busy || queue.length === 0) return;
    var name = queue.shift();
    var mark = pendingMark[name];
    delete pendingMark[name];
    busy = true;
    fetch("/feld", { method: "POST", headers: { "Accept": "application/json" }, body: body(name), credentials: "same-origin" })
      .then(function (r) { return r.json(); })
      .then(function (state) {
        apply(state);
        if (mark && window.performance && performance.measure) {
          try { performance.measure("eingabe-befunde", mark); } catch (e) { /* the mark may be gone */ }
        }
      })
      .catch(function () { showProblem("Der Editor antwortet nicht. Läuft `mep bearbeiten` noch?"); })
      .then(function () { busy = false; next(); working(); });
  }

  function send(name, mark) {
    if (mark) pendingMark[name] = pendingMark[name] || mark;
    if (queue.indexOf(name) < 0) queue.push(name);
    next();
    working();
  }

  function flush(done) {
    Object.keys(timers).forEach(function (name) { clearTimeout(timers[name]); delete timers[name]; send(name); });
    (function wait() { if (busy || queue.length) setTimeout(wait, 20); else done(); })();
  }

  var marks = 0;
  function onInput(e) {
    var el = e.target;
    if (!el.hasAttribute || !el.hasAttribute("data-feld")) return;
    var mark = "eingabe-" + (++marks);
    if (window.performance && performance.mark) performance.mark(mark);
    // A text field and its closed alternatives (`unbekannt`) exclude each other.
    if (el.type === "checkbox" && el.checked && el.closest(".feld") && !el.closest("fieldset.gruppe")) {
      var text = document.getElementById(el.id.replace(/-k\d+$/, ""));
      if (text && text.value) text.value = "";
    } else if (el.type !== "checkbox" && el.id) {
      var boxes = document.querySelectorAll("input[type=checkbox][id^='" + el.id + "-k']");
      for (var b = 0; b < boxes.length; b++) boxes[b].checked = false;
    }
    var name = el.name;
    var immediate = e.type === "change" || el.tagName === "SELECT" || el.type === "checkbox";
    clearTimeout(timers[name]);
    if (immediate) { delete timers[name]; send(name, mark); return; }
    timers[name] = setTimeout(function () { delete timers[name]; send(name, mark); }, DELAY);
    working();
  }

  if (form) {
    form.addEventListener("input", onInput);
    form.addEventListener("change", function (e) {
      var el = e.target;
      if (el.tagName === "SELECT" || el.type === "checkbox") onInput(e);
    });
    form.addEventListener("submit", function (e) {
      var button = e.submitter;
      if (button && button.value && button.value.indexOf("loeschen:") === 0) {
        var label = button.getAttribute("aria-label") || "Eintrag löschen";
        if (!window.confirm(label + "?")) { e.preventDefault(); return; }
      }
      leaving = true;
    });
  }

  document.addEventListener("submit", function () { leaving = true; });
  document.addEventListener("click", function (e) {
    var a = e.target.closest ? e.target.closest("a[href]") : null;
    if (a && a.origin === window.location.origin) leaving = true;
  });

  document.addEventListener("keydown", function (e) {
    if ((e.ctrlKey || e.metaKey) && (e.key === "s" || e.key === "S")) {
      e.preventDefault();
      flush(function () {
        fetch("/speichern", { method: "POST", headers: { "Accept": "application/json" }, body: new URLSearchParams({ seite: page }), credentials: "same-origin" })
          .then(function (r) {
            var note = decodeURIComponent(r.headers.get("x-mep-meldung") || "");
            return r.json().then(function (state) { apply(state); showNotice(note, r.status === 409); });
          });
      });
    }
  });

  function showNotice(text, conflict) {
    var box = document.getElementById("meldung");
    if (!box) {
      box = document.createElement("p");
      box.id = "meldung";
      box.className = "meldung";
      var header = document.querySelector("header");
      if (header) header.parentNode.insertBefore(box, header.nextSibling);
    }
    box.setAttribute("role", conflict ? "alert" : "status");
    box.textContent = text;
  }

  window.addEventListener("beforeunload", function (e) {
    if (unsaved && !leaving) { e.preventDefault(); e.returnValue = ""; }
  });

  document.addEventListener("click", function (e) {
    var b = e.target.closest ? e.target.closest(".md-knopf") : null;
    if (!b) return;
    var source = document.getElementById(b.getAttribute("data-fuer"));
    var out = document.getElementById("v-" + b.getAttribute("data-fuer"));
    if (!source || !out) return;
    fetch("/markdown", { method: "POST", body: new URLSearchParams({ text: source.value }), credentials: "same-origin" })
      .then(function (r) { return r.text(); })
      .then(function (html) { out.innerHTML = html; out.hidden = false; });
  });

  // After a list action the server names the control to focus (`?fokus=`); set after the
  // browser's own scroll to the `#fragment`, which would otherwise take the focus away.
  var focus = new URLSearchParams(window.location.search).get("fokus");
  if (focus) {
    window.addEventListener("load", function () {
      setTimeout(function () {
        var target = document.getElementById(focus);
        if (!target) return;
        var details = target.closest ? target.closest("details") : null;
        if (details) details.open = true;
        target.focus();
      }, 0);
    });
  }
})();
