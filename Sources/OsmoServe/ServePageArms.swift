/// The page's arm editor: arms added, removed and renamed; each drink's fluid (from the library or
/// a custom composition, in mmol/L), volume and schedule. Infusions and vomiting are kept as the
/// scenario has them (shown, removable, not edited).
enum ServePageArms {
    static let js = #"""

    // MARK: arms
    const SCHEDULES = [["every", "every … (repeated)"], ["at", "at given times"], ["per_stool", "after each loose stool"], ["ad_lib", "as thirst dictates"], ["rate", "steady sipping (rate)"]];
    function scheduleOf(d) { return SCHEDULES.map((s) => s[0]).find((k) => k in d) || "every"; }
    function oralFluids() { return S.fluids.filter((f) => f.route === "oral"); }
    function fluidNamed(n) { return S.fluids.find((f) => f.name === n); }
    function armColor(i) { const a = S.last && S.last.arms[i]; return a ? a.color : "#888"; }

    function renderArms() {
      const box = $("arms"); box.replaceChildren();
      (S.scenario.arms || []).forEach((arm, i) => box.append(renderArm(arm, i)));
    }
    function renderArm(arm, i) {
      const p = `arms[${i}]`;
      const name = el("input", { type: "text", value: arm.name ?? "", "data-path": `${p}.name`, "aria-label": "arm name" });
      name.addEventListener("input", () => { arm.name = name.value; changed(); });
      const remove = el("button", { class: "small", title: "remove this arm", onclick: () => { S.scenario.arms.splice(i, 1); renderArms(); changed(); } }, "remove");
      const box = el("div", { class: "arm", style: `border-left-color:${armColor(i)}` }, el("div", { class: "armhead" }, name, remove));
      (arm.interventions || []).forEach((iv, j) => box.append(renderIntervention(arm, iv, `${p}.interventions[${j}]`, j)));
      box.append(el("button", { class: "small", onclick: () => {
        const end = inUnit(S.scenario.duration, "h") || 72;
        (arm.interventions = arm.interventions || []).push({ drink: "who-ors", volume: "250 mL", every: "2 h", start: "2 h", stop: `${Math.min(48, end)} h` });
        renderArms(); changed();
      } }, "+ add drink"));
      return box;
    }
    function renderIntervention(arm, iv, p, j) {
      const remove = el("button", { class: "small", onclick: () => { arm.interventions.splice(j, 1); renderArms(); changed(); } }, "remove");
      if (!("drink" in iv)) {
        const what = "infusion" in iv ? `IV infusion of ${iv.infusion}` : "vomit" in iv ? `vomiting at ${iv.vomit}` : "an intervention";
        return el("div", { class: "drink", "data-path": p }, el("span", { class: "muted" }, `${what} (kept as in the scenario) `), remove);
      }
      const box = el("div", { class: "drink", "data-path": p });
      const custom = typeof iv.drink === "object" && iv.drink !== null;
      const options = oralFluids().map((f) => [f.name, `${f.name} (Na ${f.sodium})`]);
      options.push(["custom", "custom composition"]);
      box.append(select("Drink", `${p}.drink`, options, custom ? "custom" : iv.drink, (v) => {
        if (v === "custom") {
          const base = custom ? iv.drink : (fluidNamed(iv.drink) || {});
          iv.drink = { name: "custom" };
          for (const k of COMP) iv.drink[k] = base[k] ?? 0;
        } else iv.drink = v;
        renderArms(); changed();
      }));
      box.append(composition(iv, `${p}.drink`));
      const kind = scheduleOf(iv);
      box.append(select("Schedule", p, SCHEDULES, kind, (v) => {
        for (const k of ["at", "every", "per_stool", "ad_lib", "rate", "volume", "start", "stop", "stool_volume"]) delete iv[k];
        const end = inUnit(S.scenario.duration, "h") || 72;
        Object.assign(iv, { every: { every: "2 h", volume: "250 mL", start: "2 h", stop: `${Math.min(48, end)} h` },
          at: { at: ["2 h"], volume: "250 mL" }, per_stool: { per_stool: "200 mL" }, ad_lib: { ad_lib: true },
          rate: { rate: "50 mL/h", start: "0 h", stop: `${Math.min(48, end)} h` } }[v]);
        renderArms(); changed();
      }));
      const set = (k) => (x) => { if (x === undefined) delete iv[k]; else iv[k] = x; };
      if (kind === "every" || kind === "at") box.append(quantity("Volume", `${p}.volume`, iv.volume, "mL", set("volume"), { min: 0 }));
      if (kind === "every") box.append(quantity("Every", `${p}.every`, iv.every, "h", set("every"), { min: 0 }));
      if (kind === "at") {
        const list = Array.isArray(iv.at) ? iv.at : [iv.at];
        const t = el("input", { type: "text", value: list.map((x) => inUnit(x, "h")).join(", "), "data-path": `${p}.at` });
        t.addEventListener("input", () => { iv.at = t.value.split(",").map((x) => x.trim()).filter((x) => x).map((x) => withUnit(x, "h")); changed(); });
        box.append(el("label", { class: "row" }, "At (h)", t));
      }
      if (kind === "per_stool") box.append(quantity("Per stool", `${p}.per_stool`, iv.per_stool, "mL", set("per_stool"), { min: 0 }));
      if (kind === "rate") box.append(quantity("Rate", `${p}.rate`, iv.rate, "mL/h", set("rate"), { min: 0 }));
      if (kind !== "at") {
        box.append(quantity("Start", `${p}.start`, iv.start, "h", set("start"), { min: 0, placeholder: "0" }),
                   quantity("Stop", `${p}.stop`, iv.stop, "h", set("stop"), { min: 0, placeholder: "end" }));
      }
      box.append(remove);
      return box;
    }
    /// The drink's composition in mmol/L: a library fluid's, shown; editing any value makes it a custom drink.
    function composition(iv, p) {
      const custom = typeof iv.drink === "object" && iv.drink !== null;
      const f = custom ? iv.drink : (fluidNamed(iv.drink) || {});
      const grid = el("div", { class: "comp" });
      for (const k of COMP) {
        const input = el("input", { type: "number", min: 0, step: "any", value: inUnit(f[k], "") ?? 0, "data-path": `${p}.${k}`, "data-key": k });
        input.addEventListener("input", () => {
          if (typeof iv.drink !== "object") {
            const base = fluidNamed(iv.drink) || {};
            iv.drink = { name: `${iv.drink}-edited` };
            for (const c of COMP) iv.drink[c] = base[c] ?? 0;
          }
          iv.drink[k] = input.value === "" ? 0 : Number(input.value);
          changed();
        });
        grid.append(el("label", {}, `${k} `, input));
      }
      return el("details", custom ? { open: "" } : {}, el("summary", {}, custom ? "composition (mmol/L)" : "composition (mmol/L): edit to make a custom drink"), grid);
    }
    function addArm() {
      const names = new Set((S.scenario.arms || []).map((a) => a.name));
      let n = (S.scenario.arms || []).length + 1;
      while (names.has(`arm-${n}`)) n++;
      (S.scenario.arms = S.scenario.arms || []).push({ name: `arm-${n}`, interventions: [] });
      renderArms(); changed();
    }
    """#
}
