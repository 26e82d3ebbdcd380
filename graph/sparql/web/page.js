// The query page of `kotamitra serve`: pick a shipped query (its parameters become form
// fields) or write one, run it through POST /run, see the result with prefixed names and
// links to the entities' pages, download it in each format. Text is only ever written
// with textContent; the data comes as JSON in #km-data.
(function () {
  "use strict";
  const data = JSON.parse(document.getElementById("km-data").textContent);
  const $ = (id) => document.getElementById(id);
  const KMR = data.prefixes.kmr;
  const byLength = Object.entries(data.prefixes).sort((a, b) => b[1].length - a[1].length);
  const byName = new Map(data.queries.map((q) => [q.name, q]));
  let last = null; // the query and parameters of the result shown (for downloads)

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
    return node;
  }

  function prefixed(iri) {
    for (const [p, ns] of byLength) {
      const rest = iri.slice(ns.length);
      if (iri.startsWith(ns) && rest && /^[\w./-]+$/.test(rest)) return p + ":" + rest;
    }
    return iri;
  }

  function entityHref(iri) {
    if (!iri.startsWith(KMR)) return null;
    const slug = iri.slice(KMR.length);
    if (!/^[A-Za-z0-9._~-]+(\/[A-Za-z0-9._~-]+)*$/.test(slug)) return null;
    return "/entity/" + slug.split("/").map(encodeURIComponent).join("/");
  }

  function cell(term) {
    const td = document.createElement("td");
    if (!term) return td;
    if (term.t === "uri") {
      const href = entityHref(term.v);
      const node = el(href ? "a" : "span", prefixed(term.v), { title: term.v });
      if (href) {
        node.setAttribute("href", href);
        node.className = "km-entity";
      }
      td.appendChild(node);
    } else if (term.t === "bnode") {
      td.textContent = "_:" + term.v;
    } else {
      td.appendChild(el("span", term.v, { class: "km-literal" }));
      if (term.lang) td.appendChild(el("span", " @" + term.lang, { class: "km-literal-lang" }));
      else if (term.dt) {
        td.appendChild(el("span", " " + prefixed(term.dt), { class: "km-literal-dt" }));
      }
    }
    return td;
  }

  function showError(text) {
    $("km-error-text").textContent = text;
    $("km-error").hidden = false;
  }

  function render(result, ms) {
    const out = $("km-out");
    out.replaceChildren();
    if (result.kind === "boolean") {
      out.appendChild(el("p", result.boolean ? "yes (true)" : "no (false)", { id: "km-boolean" }));
      $("km-status").textContent = `ASK answered in ${ms} ms`;
      return;
    }
    const table = el("table", null, { id: "km-table", "data-kind": result.kind });
    const head = table.createTHead().insertRow();
    for (const v of result.vars) head.appendChild(el("th", v));
    const body = table.createTBody();
    for (const row of result.rows) {
      const tr = body.insertRow();
      for (const term of row) tr.appendChild(cell(term));
    }
    out.appendChild(table);
    const what = result.kind === "graph" ? "triple" : "row";
    let status = `${result.total} ${what}${result.total === 1 ? "" : "s"} in ${ms} ms`;
    if (result.total > result.rows.length) status += ` (the first ${result.rows.length} shown)`;
    $("km-status").textContent = status;
  }

  function params() {
    const found = {};
    for (const input of $("km-params").querySelectorAll("input[data-param]")) {
      if (input.value.trim()) found[input.dataset.param] = input.value.trim();
    }
    return found;
  }

  function body(query, values, format) {
    const form = new URLSearchParams();
    form.append("query", query);
    form.append("format", format);
    for (const [k, v] of Object.entries(values)) form.append("param." + k, v);
    return form;
  }

  async function post(query, values, format) {
    return fetch("/run", { method: "POST", body: body(query, values, format) });
  }

  function offerDownloads(kind) {
    const links = $("km-download-links");
    links.replaceChildren();
    const formats = data.downloads[kind === "graph" ? "graph" : "results"];
    for (const [format, ext] of formats) {
      const button = el("button", format.toUpperCase(), {
        type: "button",
        "data-format": format,
        "data-ext": ext,
      });
      button.addEventListener("click", () => download(format, ext));
      links.appendChild(button);
    }
    $("km-downloads").hidden = false;
  }

  async function download(format, ext) {
    if (!last) return;
    const r = await post(last.query, last.params, format);
    if (!r.ok) {
      showError(await r.text());
      return;
    }
    const blob = await r.blob();
    const a = el("a", null, { download: "kotamitra-result." + ext });
    a.href = URL.createObjectURL(blob);
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(a.href), 10000);
    window.kmLastDownload = { format: format, type: blob.type, size: blob.size };
  }

  async function run() {
    const query = $("km-query").value;
    const values = params();
    $("km-error").hidden = true;
    $("km-downloads").hidden = true;
    $("km-out").replaceChildren();
    $("km-status").textContent = "running…";
    document.body.dataset.kmState = "running";
    const t0 = performance.now();
    try {
      const r = await post(query, values, "view");
      const text = await r.text();
      if (!r.ok) {
        $("km-status").textContent = `error ${r.status}`;
        showError(text);
        return;
      }
      last = { query: query, params: values };
      render(JSON.parse(text), Math.round(performance.now() - t0));
      offerDownloads(JSON.parse(text).kind);
    } catch (err) {
      $("km-status").textContent = "failed";
      showError(String(err));
    } finally {
      document.body.dataset.kmState = "done";
    }
  }

  function pick(name) {
    const form = $("km-params");
    form.replaceChildren();
    const q = byName.get(name);
    $("km-question").hidden = !q;
    if (!q) return;
    $("km-query").value = q.text;
    $("km-question-en").textContent = q.question_en;
    $("km-question-id").textContent = q.question_id;
    for (const [param, value] of q.parameters) {
      const label = el("label", param + " ");
      const input = el("input", null, {
        type: "text",
        name: "param." + param,
        "data-param": param,
        placeholder: value,
        title: "an entity's slug (" + value + "), name or label, or a value",
      });
      input.value = value;
      input.addEventListener("keydown", (e) => {
        if (e.key === "Enter") {
          e.preventDefault();
          run();
        }
      });
      label.appendChild(input);
      form.appendChild(label);
    }
  }

  const select = $("km-pick");
  for (const q of data.queries) {
    const option = el("option", `${q.name} (${q.kind.toUpperCase()})`, { value: q.name });
    option.title = q.question_en;
    select.appendChild(option);
  }
  select.addEventListener("change", () => pick(select.value));
  $("km-query").value = data.example;
  $("km-run").addEventListener("click", run);
  $("km-query").addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  });
  const wanted = new URLSearchParams(location.search).get("q");
  if (wanted && byName.has(wanted)) {
    select.value = wanted;
    pick(wanted);
  }
  document.body.dataset.kmReady = "1";
})();
