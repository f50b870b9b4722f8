// Progressive enhancement only: every page works without this file.
// Food search as you type: an input[data-food-search] gets a listbox of ranked foods from /api/foods; choosing one
// fills the form's hidden ndb field and its portion list from /api/foods/{ndb}.
(function () {
  "use strict";
  function debounce(fn, ms) { let t; return function (...a) { clearTimeout(t); t = setTimeout(() => fn.apply(this, a), ms); }; }

  document.querySelectorAll("input[data-food-search]").forEach(function (input) {
    // The search box may live in its own (GET, no-JS fallback) form; data-food-search names the form it fills.
    const form = document.getElementById(input.getAttribute("data-food-search")) || input.form;
    const list = document.getElementById(input.getAttribute("aria-controls"));
    const ndb = form.querySelector("input[name$='Ndb']");
    const portion = form.querySelector("select[data-portions]");
    const chosen = form.querySelector("[data-chosen]");
    let items = [], active = -1;

    // "NDB 11457", "FDC 2000001", "IFCT A003": the food's id in its dataset, as the server's pages write it.
    function label(f) {
      const kind = f.dataset === "usda-sr28" ? "NDB" : f.dataset === "ifct2017" ? "IFCT" : (f.dataset || "").startsWith("fdc-") ? "FDC" : "";
      return kind ? kind + " " + f.sourceId : f.foodId;
    }

    function render() {
      list.replaceChildren(...items.map(function (f, i) {
        const li = document.createElement("li");
        li.id = input.id + "-opt-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", i === active ? "true" : "false");
        li.textContent = f.name + (f.brand ? " (" + f.brand + ")" : "") + (f.magnesiumMgPer100g == null ? "" : " — " + Math.round(f.magnesiumMgPer100g) + " mg/100 g") + (f.weak ? " (?)" : "");
        li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(i); });
        return li;
      }));
      input.setAttribute("aria-expanded", items.length > 0 ? "true" : "false");
      if (active >= 0) input.setAttribute("aria-activedescendant", input.id + "-opt-" + active); else input.removeAttribute("aria-activedescendant");
    }

    async function choose(i) {
      const f = items[i];
      if (!f) return;
      input.value = f.name;
      if (ndb) ndb.value = f.ndb;
      if (chosen) chosen.textContent = label(f) + (f.brand ? " — " + f.brand : "");
      items = []; active = -1; render();
      if (!portion) return;
      const r = await fetch("/api/foods/" + encodeURIComponent(f.ndb), { headers: { Accept: "application/json" } });
      if (!r.ok) return;
      const food = await r.json();
      const options = food.portions.map(function (p) { return new Option(p.description + " (" + p.grams + " g)", p.description); });
      options.push(new Option("grams", "g"));
      portion.replaceChildren(...options);
    }

    const search = debounce(async function () {
      const q = input.value.trim();
      if (q.length < 2) { items = []; render(); return; }
      const r = await fetch("/api/foods?limit=8&q=" + encodeURIComponent(q), { headers: { Accept: "application/json" } });
      if (!r.ok) return;
      items = await r.json(); active = -1; render();
    }, 150);

    input.setAttribute("autocomplete", "off");
    input.addEventListener("input", function () { if (ndb) ndb.value = ""; search(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown" && items.length) { active = (active + 1) % items.length; render(); e.preventDefault(); }
      else if (e.key === "ArrowUp" && items.length) { active = (active - 1 + items.length) % items.length; render(); e.preventDefault(); }
      else if (e.key === "Enter" && active >= 0) { choose(active); e.preventDefault(); }
      else if (e.key === "Escape") { items = []; render(); }
    });
    input.addEventListener("blur", function () { setTimeout(function () { items = []; render(); }, 100); });
  });

  // The sentence box: as "2 eggs" is typed, the food, measure, grams and magnesium it will log, from /api/foods/parse;
  // a guess by spelling shows "did you mean", and any alternative can be picked (it rides along as the form's Choice).
  // Enter submits the form, which logs on the server exactly what the preview showed (the same reader).
  document.querySelectorAll("form[data-sentence]").forEach(function (form) {
    const input = form.querySelector("input[name='Sentence']");
    const preview = form.querySelector("[data-preview]");
    const choice = form.querySelector("input[data-choice]");
    let asked = "";

    function el(tag, text, cls) { const e = document.createElement(tag); if (text != null) e.textContent = text; if (cls) e.className = cls; return e; }

    function pickButton(f) {
      const b = el("button", f.name, "secondary");
      b.type = "button";
      b.addEventListener("click", function () { choice.value = f.foodId; run(); input.focus(); });
      return b;
    }

    function show(p) {
      const parts = [];
      if (p.food && p.grams != null && !p.weak) {
        const line = el("p", null, "reads");
        line.append(el("strong", p.food.name), " — " + p.how + " = " + (Math.round(p.grams * 10) / 10) + " g" +
          (p.magnesiumMg != null ? " → " + p.magnesiumMg + " mg magnesium" : "") + ". Enter logs it.");
        parts.push(line);
      } else if (p.food && p.weak) {
        parts.push(el("p", "No food named “" + p.foodWords + "”. Did you mean one of these?", "field-error"));
      } else if (p.problem) {
        parts.push(el("p", p.problem.charAt(0).toUpperCase() + p.problem.slice(1) + ".", "muted"));
      }
      const others = (p.weak && p.food ? [p.food] : []).concat(p.alternatives || []).slice(0, 4);
      if (others.length && p.food) {
        parts.push(el("p", p.weak ? null : "Or:", "muted"));
        const ul = el("ul", null, "choices");
        others.forEach(function (f) { const li = el("li"); li.append(pickButton(f)); ul.append(li); });
        parts.push(ul);
      }
      preview.replaceChildren(...parts);
    }

    const run = debounce(async function () {
      const text = input.value.trim();
      if (text.length < 2) { preview.replaceChildren(); return; }
      const url = "/api/foods/parse?text=" + encodeURIComponent(text) + (choice.value ? "&food=" + encodeURIComponent(choice.value) : "");
      asked = url;
      const r = await fetch(url, { headers: { Accept: "application/json" } });
      if (!r.ok || asked !== url) return;
      show(await r.json());
    }, 120);

    input.addEventListener("input", function () { choice.value = ""; run(); });
    // After a post the server's own answer (a choice to make, a yes to give) is in the preview: keep it until typing.
    if (input.value.trim() && preview.children.length === 0) run();
  });

  // Barcode scan with the camera where the browser offers the Barcode Detection API (Chrome on Android, some desktops):
  // the button stays hidden elsewhere and the typed field works everywhere.
  document.querySelectorAll("button[data-barcode-scan]").forEach(function (button) {
    if (!("BarcodeDetector" in window) || !navigator.mediaDevices || !navigator.mediaDevices.getUserMedia) return;
    const field = document.getElementById(button.getAttribute("data-barcode-scan"));
    const box = button.form.querySelector("[data-scanner]");
    button.hidden = false;
    button.addEventListener("click", async function () {
      let stream;
      try {
        const detector = new window.BarcodeDetector({ formats: ["ean_13", "ean_8", "upc_a", "upc_e"] });
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: "environment" } });
        const video = document.createElement("video");
        video.setAttribute("playsinline", "");
        video.muted = true;
        video.srcObject = stream;
        box.replaceChildren(video);
        box.hidden = false;
        await video.play();
        for (let tries = 0; tries < 600; tries++) { // about 30 s, then give up
          const codes = await detector.detect(video);
          if (codes.length > 0) { field.value = codes[0].rawValue; button.form.submit(); return; }
          await new Promise(function (r) { setTimeout(r, 50); });
        }
      } catch (e) {
        box.hidden = false;
        box.textContent = "The camera could not be used; type the digits under the barcode instead.";
      } finally {
        if (stream) stream.getTracks().forEach(function (t) { t.stop(); });
      }
    });
  });

  // A confirm step for destructive buttons marked data-confirm.
  document.querySelectorAll("button[data-confirm]").forEach(function (b) {
    b.addEventListener("click", function (e) { if (!window.confirm(b.getAttribute("data-confirm"))) e.preventDefault(); });
  });
})();
