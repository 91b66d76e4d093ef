/// The page's requests: run on every change (newest wins), draw the answer, show validation errors
/// beside their controls, load shipped scenarios and lessons, download YAML and CSV.
enum ServePageRun {
    static let js = #"""

    // MARK: running
    function changed() {
      S.seq += 1;
      S.changedAt = performance.now();
      if (S.ctrl) S.ctrl.abort();
      S.ctrl = new AbortController();
      send(S.seq, S.ctrl);
    }
    function post(path, signal, seq) {
      const headers = { "Content-Type": "application/json", "X-Osmo-Client": S.client };
      if (seq !== undefined) headers["X-Osmo-Seq"] = String(seq);
      return fetch(path, { method: "POST", headers, body: JSON.stringify(S.scenario), signal });
    }
    async function send(seq, ctrl) {
      let r, body;
      try {
        r = await post("/api/run", ctrl.signal, seq);
        body = await r.json();
      } catch (e) {
        if (ctrl.signal.aborted) return;
        $("status").textContent = "no answer from the server: " + e;
        return;
      }
      if (seq !== S.seq) return;                                   // a newer edit is on its way
      if (r.status === 409) return;
      if (r.status === 503) { setTimeout(() => { if (seq === S.seq) send(seq, ctrl); }, 120); return; }
      showErrors(r.ok ? [] : body.issues || [], r.ok ? "" : body.error);
      if (!r.ok) { $("status").textContent = `not run: ${body.error} (HTTP ${r.status})`; return; }
      draw(body);
      S.drawnSeq = seq;
      S.runs += 1;
      S.lastMs = performance.now() - S.changedAt;
      const t0 = S.changedAt;
      requestAnimationFrame(() => setTimeout(() => { if (S.drawnSeq === seq) { S.paintedMs = performance.now() - t0; S.paintedSeq = seq; } }, 0));
      $("status").textContent = `${body.name}: ${body.arms.length} arms, drawn ${Math.round(S.lastMs)} ms after the change ` +
        `(server: simulate ${body.timing.simulate_ms.toFixed(1)} ms, figures ${body.timing.draw_ms.toFixed(1)} ms)`;
    }
    function draw(r) {
      S.last = r;
      const t = $("table");
      t.replaceChildren();
      t.append(el("thead", {}, el("tr", {}, el("th", {}, "arm"), ...r.table_columns.map((c) => el("th", {}, c.header)))));
      const tb = el("tbody");
      r.arms.forEach((a) => tb.append(el("tr", { "data-arm": a.name },
        el("th", {}, el("span", { class: "swatch", style: `background:${a.color}` }), a.name),
        ...a.table.map((c, k) => el("td", { "data-key": r.table_columns[k].key }, c)))));
      t.append(tb);
      $("warnings").replaceChildren(...r.arms.map((a) => el("li", {}, el("span", { class: "swatch", style: `background:${a.color}` }),
        el("strong", {}, a.name), ": " + a.warnings)));
      $("figures").replaceChildren(...r.figures.map((f, i) => {
        const fig = el("figure", { id: `figure-${i + 1}`, "data-file": f.file });
        fig.innerHTML = f.svg;
        fig.append(el("figcaption", {}, el("strong", {}, `Figure ${i + 1}. `), f.caption));
        return fig;
      }));
      document.querySelectorAll(".arm").forEach((b, i) => { b.style.borderLeftColor = armColor(i); });
    }
    function showErrors(issues, message) {
      document.querySelectorAll(".err").forEach((e) => e.remove());
      document.querySelectorAll(".bad").forEach((e) => e.classList.remove("bad"));
      const list = $("errors");
      list.replaceChildren(...issues.map((i) => el("div", { class: "issue" }, i.text)));
      for (const i of issues) {
        let path = i.path, target = null;
        while (path && !(target = document.querySelector(`[data-path="${CSS.escape(path)}"]`))) {
          path = path.includes(".") || path.includes("[") ? path.replace(/(\.[^.\[]*|\[\d+\])$/, "") : "";
        }
        if (!target) continue;
        target.classList.add("bad");
        (target.closest("label") || target).after(el("span", { class: "err" }, i.text));
      }
    }

    // MARK: scenarios, lessons, downloads
    async function loadScenario(name, lesson) {
      const r = await fetch(`/api/scenarios/${encodeURIComponent(name)}`);
      S.scenario = await r.json();
      S.name = name;
      S.otherIllness = null;
      S.prevIllness = null;
      $("scenario-picker").value = name;
      if (lesson && Object.keys(lesson.mechanisms || {}).length) S.scenario.mechanisms = { ...(S.scenario.mechanisms || {}), ...lesson.mechanisms };
      const box = $("lesson");
      if (lesson) {
        box.replaceChildren(el("h2", {}, `Lesson ${lesson.number}: ${lesson.question}`), el("p", {}, lesson.look));
        box.style.display = "block";
      } else box.style.display = "none";
      renderAll();
      changed();
    }
    function renderAll() { renderPatient(); renderIllness(); renderMechanisms(); renderArms(); }
    async function download(path, fallbackName) {
      const r = await post(path);
      if (!r.ok) { const b = await r.json(); showErrors(b.issues || [], b.error); $("status").textContent = `not saved: ${b.error}`; return; }
      const blob = await r.blob();
      const a = el("a", { href: URL.createObjectURL(blob), download: `${String(S.scenario.name || "scenario").replace(/[^A-Za-z0-9._-]+/g, "_")}${fallbackName}` });
      document.body.append(a); a.click(); a.remove();
      setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    }
    async function init() {
      const [fluids, scenarios, lessons] = await Promise.all(["/api/fluids", "/api/scenarios", "/api/lessons"].map((u) => fetch(u).then((r) => r.json())));
      S.fluids = fluids; S.lessons = lessons;
      const pick = $("scenario-picker");
      for (const s of scenarios) pick.append(el("option", { value: s.name }, s.name));
      pick.addEventListener("change", () => loadScenario(pick.value));
      $("lessons").replaceChildren(...lessons.map((l) => el("button", { class: "small", title: l.question, "data-lesson": l.number,
        onclick: () => loadScenario(l.scenario, l) }, `Lesson ${l.number}`)));
      $("add-arm").addEventListener("click", addArm);
      $("download-yaml").addEventListener("click", () => download("/api/yaml", ".yaml"));
      $("download-csv").addEventListener("click", () => download("/api/csv?file=timeseries", "-timeseries.csv"));
      await loadScenario(scenarios[0].name);
    }
    init().catch((e) => { $("status").textContent = "could not start: " + e; });
    """#
}
