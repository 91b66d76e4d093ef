/// The page's script: it keeps the scenario as a JSON object with the YAML schema, edits it from
/// the controls, and POSTs it to `/api/run` on every change (the newest edit wins: older fetches
/// are aborted and the server drops overtaken ones). It draws nothing itself: the table, warning
/// signs and the six SVG figures come from the server.
enum ServePageScript {
    static let js = #"""
    "use strict";
    const $ = (id) => document.getElementById(id);
    const S = { scenario: null, fluids: [], lessons: [], seq: 0, ctrl: null, client: Math.random().toString(36).slice(2, 12),
                runs: 0, lastMs: null, last: null, name: "" };
    window.osmo = S;
    const MECH = ["renal_regulation", "thirst", "insensible_loss", "inflammation", "illness", "maintenance_intake"];
    const PATHOGENS = ["norovirus", "rotavirus", "cholera", "cholera-child", "etec"];
    const PRESETS = { adult: { weight: 70, age: 30 }, child: { weight: 10, age: 1 } };
    const COMP = ["sodium", "potassium", "chloride", "bicarbonate", "citrate", "magnesium", "glucose", "fructose"];
    const UNITS = { h: { h: 1, hour: 1, hours: 1, min: 1 / 60, minute: 1 / 60, minutes: 1 / 60, s: 1 / 3600, d: 24, day: 24, days: 24 },
                    mL: { mL: 1, dL: 100, L: 1000 }, kg: { kg: 1, g: 0.001, lb: 0.45359237 }, y: { y: 1, mo: 1 / 12, wk: 7 / 365.25, d: 1 / 365.25 },
                    "mL/h": { "mL/h": 1, "L/h": 1000, "mL/min": 60 } };

    function el(tag, attrs, ...kids) {
      const e = document.createElement(tag);
      for (const [k, v] of Object.entries(attrs || {})) {
        if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else if (v !== undefined && v !== null) e.setAttribute(k, v);
      }
      for (const k of kids) e.append(k);
      return e;
    }
    /// A quantity in `unit` from "250 mL", "1.5 L" or a number; null when absent; the text itself when it cannot be converted.
    function inUnit(v, unit) {
      if (v === undefined || v === null || v === "") return null;
      const m = String(v).trim().match(/^(-?[0-9.eE+-]+)\s*(.*)$/);
      if (!m) return String(v);
      if (!unit) return m[2] ? String(v) : parseFloat(m[1]);
      const f = (UNITS[unit] || {})[m[2] || unit];
      return f === undefined ? String(v) : +(parseFloat(m[1]) * f).toPrecision(10);
    }
    function withUnit(x, unit) { return typeof x === "number" || /^-?[0-9.]+$/.test(String(x).trim()) ? `${x} ${unit}` : x; }

    /// A labelled input bound to `get`/`set`; `path` names the scenario field (for error messages).
    function quantity(label, path, value, unit, set, opts = {}) {
      const v = inUnit(value, unit);
      const numeric = v === null || typeof v === "number";
      const input = el("input", { type: numeric ? "number" : "text", step: opts.step || "any", value: v === null ? "" : v,
        "data-path": path, placeholder: opts.placeholder || "", min: opts.min, max: opts.max });
      input.addEventListener("input", () => {
        const t = input.value.trim();
        set(t === "" ? undefined : (numeric ? withUnit(t, unit) : t));
        if (opts.slider) opts.slider.value = t;
        changed();
      });
      const field = el("span", { class: "field" }, input, el("span", { class: "unit" }, numeric ? unit : ""));
      return el("label", { class: "row" }, label, field);
    }
    function select(label, path, options, value, set) {
      const s = el("select", { "data-path": path });
      for (const [v, text] of options) s.append(el("option", { value: v }, text));
      s.value = value;
      s.addEventListener("change", () => { set(s.value); });
      return el("label", { class: "row" }, label, s);
    }
    function slider(min, max, step, value, onInput) {
      const r = el("input", { type: "range", min, max, step, value });
      r.addEventListener("input", () => onInput(r.value));
      return r;
    }

    // MARK: patient, illness, mechanisms
    function patientObject() {
      const p = S.scenario.patient;
      return typeof p === "string" ? { preset: p } : (p || {});
    }
    function renderPatient() {
      const box = $("patient"); box.replaceChildren();
      const p = patientObject(), preset = PRESETS[p.preset] ? p.preset : "custom";
      const weight = inUnit(p.weight, "kg") ?? (PRESETS[preset] || {}).weight, age = inUnit(p.age, "y") ?? (PRESETS[preset] || {}).age;
      box.append(select("Preset", "patient.preset", [["adult", "adult (70 kg, 30 y)"], ["child", "child (10 kg, 1 y)"], ["custom", "custom"]], preset, (v) => {
        S.scenario.patient = v === "custom" ? { weight: `${weight} kg`, age: `${age} y` } : v;
        renderPatient(); changed();
      }));
      const set = (key) => (x) => { const q = patientObject(); if (x === undefined) delete q[key]; else q[key] = x; S.scenario.patient = q; };
      const ws = slider(2, 120, 0.5, typeof weight === "number" ? weight : 70, (v) => { wq.querySelector("input").value = v; set("weight")(`${v} kg`); changed(); });
      const wq = quantity("Weight", "patient.weight", p.weight ?? weight, "kg", set("weight"), { slider: ws, min: 0.5, max: 500 });
      box.append(wq, ws, quantity("Age", "patient.age", p.age ?? age, "y", set("age"), { min: 0, max: 120 }));
    }
    function renderIllness() {
      const box = $("illness"); box.replaceChildren();
      const ill = S.scenario.illness;
      const kind = ill === "none" || ill === null ? "none" : (ill.pathogen && PATHOGENS.includes(ill.pathogen) && Object.keys(ill).every((k) => ["pathogen", "severity", "onset"].includes(k)) ? ill.pathogen : "other");
      const options = [["none", "none (healthy)"], ...PATHOGENS.map((p) => [p, p])];
      if (kind === "other" || S.otherIllness) options.push(["other", "as in the scenario (" + (S.otherIllness ? Object.keys(S.otherIllness)[0] : "") + ")"]);
      if (kind === "other") S.otherIllness = ill;
      box.append(select("Pathogen", "illness.pathogen", options, kind, (v) => {
        const old = typeof S.scenario.illness === "object" && S.scenario.illness ? S.scenario.illness : (S.prevIllness || {});
        if (typeof S.scenario.illness === "object" && S.scenario.illness) S.prevIllness = S.scenario.illness;
        S.scenario.illness = v === "none" ? "none" : v === "other" ? S.otherIllness
          : { pathogen: v, severity: old.severity ?? 1, onset: old.onset ?? "0 h" };
        renderIllness(); changed();
      }));
      if (kind === "none" || kind === "other") return;
      const set = (key) => (x) => { if (x === undefined) delete S.scenario.illness[key]; else S.scenario.illness[key] = x; };
      const sev = inUnit(ill.severity, "") ?? 1;
      const ss = slider(0, 3, 0.05, sev, (v) => { sq.querySelector("input").value = v; S.scenario.illness.severity = Number(v); changed(); });
      const sq = quantity("Severity (× typical)", "illness.severity", ill.severity ?? 1, "", (x) => set("severity")(x === undefined ? undefined : Number(String(x).trim())), { slider: ss, min: 0 });
      box.append(sq, ss, quantity("Onset", "illness.onset", ill.onset ?? "0 h", "h", set("onset"), { min: 0 }));
    }
    function renderMechanisms() {
      const box = $("mechanisms"); box.replaceChildren();
      const m = S.scenario.mechanisms || {};
      for (const key of MECH) {
        const on = !(m[key] === false || m[key] === "false");
        const c = el("input", { type: "checkbox", "data-path": `mechanisms.${key}` });
        c.checked = on;
        c.addEventListener("change", () => { S.scenario.mechanisms = { ...(S.scenario.mechanisms || {}), [key]: c.checked }; changed(); });
        box.append(el("label", {}, c, key.replace(/_/g, " ")));
      }
      box.append(el("div", {}, quantity("Duration", "duration", S.scenario.duration, "h", (x) => { S.scenario.duration = x; }, { min: 1 })));
    }
    """# + ServePageArms.js + ServePageRun.js
}
