/// The teaching page: plain HTML and CSS with a small script (``ServePageScript``), served by the
/// binary. Nothing is fetched from the network; the page talks only to its own server's API.
public enum ServePage {
    public static var html: String { head + body + "<script>\n" + ServePageScript.js + "\n</script>\n</body>\n</html>\n" }

    static let head = #"""
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>osmo — diarrhoea, dehydration and what to drink</title>
        <style>
        :root { color-scheme: light; --blue: #0072B2; --line: #d6d6d6; --err: #b00020; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #f4f5f7; color: #222; font: 19px/1.45 "DejaVu Sans", Helvetica, Arial, sans-serif; }
        header { background: #fff; padding: 12px 20px; border-bottom: 1px solid var(--line); display: flex; flex-wrap: wrap; gap: 10px 20px; align-items: center; }
        header h1 { font-size: 26px; margin: 0; }
        header .kicker { color: var(--blue); font-size: 14px; letter-spacing: .08em; text-transform: uppercase; }
        #lessons { display: flex; flex-wrap: wrap; gap: 6px; }
        button, select, input { font: inherit; font-size: 18px; }
        button { padding: 5px 12px; border: 1px solid #9ab; background: #eef3f8; border-radius: 6px; cursor: pointer; }
        button:hover { background: #dde8f2; }
        button.small { font-size: 15px; padding: 2px 8px; }
        #layout { display: grid; grid-template-columns: minmax(330px, 430px) 1fr; gap: 16px; padding: 16px; align-items: start; }
        #layout > div { min-width: 0; }
        @media (max-width: 900px) { #layout { grid-template-columns: minmax(0, 1fr); padding: 8px; } body { font-size: 18px; } }
        .panel { background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 12px 14px; margin-bottom: 14px; }
        .panel h2 { font-size: 21px; margin: 0 0 8px; }
        label.row { display: grid; grid-template-columns: 7.2em 1fr; gap: 6px; align-items: center; margin: 6px 0; }
        label.row input[type=number], label.row input[type=text], label.row select { width: 100%; min-width: 0; padding: 3px 6px; }
        .unit { color: #555; font-size: 16px; margin-left: 4px; white-space: nowrap; }
        .field { display: flex; align-items: center; }
        input[type=range] { width: 100%; }
        .checks label { display: inline-flex; gap: 6px; align-items: center; margin: 3px 14px 3px 0; }
        .arm { border-left: 6px solid #888; padding: 6px 10px; margin: 10px 0; background: #fafbfc; border-radius: 4px; }
        .arm .armhead { display: flex; gap: 8px; align-items: center; }
        .arm .armhead input { flex: 1; min-width: 0; font-weight: 600; }
        .drink { border-top: 1px dashed var(--line); margin-top: 8px; padding-top: 6px; }
        .comp { display: grid; grid-template-columns: repeat(4, 1fr); gap: 4px 6px; font-size: 15px; }
        .comp label { display: flex; flex-direction: column; }
        .comp input { width: 100%; font-size: 16px; }
        .err { color: var(--err); font-size: 15px; display: block; }
        .bad { outline: 2px solid var(--err); }
        #status { font-size: 16px; color: #555; min-height: 1.4em; }
        #errors { color: var(--err); }
        #lesson { background: #fff8e1; border-color: #f0c36d; display: none; }
        table { border-collapse: collapse; width: 100%; font-size: 17px; }
        th, td { border: 1px solid var(--line); padding: 4px 6px; text-align: right; }
        thead th { background: #f0f2f5; font-size: 15px; text-align: center; }
        tbody th { text-align: left; white-space: nowrap; }
        .scroll { overflow-x: auto; }
        .swatch { display: inline-block; width: 15px; height: 15px; border-radius: 3px; margin-right: 6px; vertical-align: -2px; }
        #warnings li { margin: 5px 0; }
        #figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 14px; }
        @media (max-width: 600px) { #figures { grid-template-columns: minmax(0, 1fr); } }
        figure { margin: 0; background: #fff; border: 1px solid var(--line); border-radius: 8px; padding: 6px; }
        figure svg { display: block; width: 100%; height: auto; }
        figcaption { font-size: 15px; color: #444; margin-top: 4px; }
        .muted { color: #666; font-size: 15px; }
        </style>
        </head>

        """#

    static let body = #"""
        <body>
        <header>
          <div><div class="kicker">osmo serve</div><h1>Diarrhoea, dehydration and what to drink</h1></div>
          <label>Scenario <select id="scenario-picker" data-path="(file)"></select></label>
          <div id="lessons"></div>
          <button id="download-yaml" title="YAML that `osmo run` accepts">Download scenario</button>
          <button id="download-csv" title="timeseries.csv, as `osmo run` writes it">Download CSV</button>
        </header>
        <div id="layout">
          <div id="controls">
            <div class="panel" id="lesson"></div>
            <div class="panel"><h2>Patient</h2><div id="patient"></div></div>
            <div class="panel"><h2>Illness</h2><div id="illness"></div></div>
            <div class="panel"><h2>Mechanisms</h2><div id="mechanisms" class="checks"></div>
              <p class="muted">Switch parts of the model off to see what each one does.</p></div>
            <div class="panel"><h2>Arms: what each group drinks</h2><div id="arms"></div>
              <button id="add-arm">+ add arm</button></div>
          </div>
          <div id="results">
            <div class="panel"><div id="status">loading…</div><div id="errors"></div></div>
            <div class="panel"><h2>The arms compared</h2><div class="scroll"><table id="table"></table></div></div>
            <div class="panel"><h2>Warning signs, in the order they appear</h2><ul id="warnings"></ul>
              <p class="muted">Weight loss ≥ 5 % (moderate) and ≥ 10 % (severe); urine below 0.5 mL/kg/h for 6 h; temperature ≥ 38.9 °C (102 °F); Na &lt; 135, K &lt; 3.5, Mg &lt; 0.7 mmol/L; diarrhoea for more than 48 h. A teaching model, not medical advice.</p></div>
            <div id="figures"></div>
          </div>
        </div>

        """#
}
