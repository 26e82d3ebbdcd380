/* kotamitra network viewer.
 * Reads the JSON in #km-data, draws it with vis-network, and wires the search, the filters
 * (class, relation, years, country), the focus on N hops, the node-size metric, the detail
 * panel, the tooltips and the timeline. All source text is inserted with textContent (or
 * drawn on the canvas by vis-network), never parsed as markup. */
(function () {
  "use strict";
  /* pyvis's nodes, edges and options, and the rest of the page's data beside them */
  var RAW = JSON.parse(document.getElementById("km-data").textContent);
  var DATA = RAW.page;
  DATA.nodes = RAW.nodes;
  DATA.edges = RAW.edges;
  DATA.options = RAW.options;
  var UI = DATA.ui;
  var N = DATA.nodes;
  var E = DATA.edges;
  var KINDS = DATA.kinds;
  var RELS = DATA.relations;
  var YEARS = DATA.years;
  var api = { data: DATA, readyAt: null, firstDrawAt: null };
  window.kotamitra = api;

  function $(id) { return document.getElementById(id); }
  var container = $("km-network");
  var panel = $("km-panel");
  var progress = $("km-progress");
  var statsEl = $("km-stats");

  function fmt(template, values) {
    return String(template).replace(/\{(\w+)\}/g, function (m, k) {
      return Object.prototype.hasOwnProperty.call(values, k) ? String(values[k]) : m;
    });
  }
  function clip(s, n) {
    s = String(s).replace(/\s+/g, " ").trim();
    return s.length <= n ? s : s.slice(0, n - 1) + "\u2026";
  }
  function num(v) {
    if (v === undefined || v === null) { return "\u2013"; }
    return Math.round(v) === v ? String(v) : Number(v).toPrecision(3);
  }
  function kindOf(n) { return KINDS[n.kind] || KINDS.Activity; }
  function relOf(e) { return RELS[e.relation] || { label: e.relation, color: "#888888", directed: true }; }
  function countryLabel(n) { return n.country === null ? null : DATA.countries[n.country].label; }
  function edgeLabel(e) {
    var label = relOf(e).label;
    if (e.status && e.status !== "active") { label += " (" + (DATA.statuses[e.status] || e.status) + ")"; }
    return label;
  }
  function edgeName(e) { return N[e.from].label + " \u2014 " + edgeLabel(e) + " \u2014 " + N[e.to].label; }
  function sourceLine(s) {
    var d = DATA.docs[s.doc] || {};
    return [d.headline, d.date].filter(Boolean).join(", ");
  }

  /* ---- adjacency, metric ranks ---------------------------------------------------- */
  var adj = N.map(function () { return []; });
  E.forEach(function (e, i) {
    adj[e.from].push(i);
    if (e.to !== e.from) { adj[e.to].push(i); }
  });
  var ranks = {};
  var maxMetric = {};
  DATA.metrics.forEach(function (m) {
    var value = function (i) { return N[i].metrics[m.id] || 0; };
    var order = N.map(function (n, i) { return i; });
    order.sort(function (a, b) { return value(b) - value(a); });
    var r = new Array(N.length);
    order.forEach(function (i, k) {
      r[i] = k > 0 && value(order[k - 1]) === value(i) ? r[order[k - 1]] : k + 1;
    });
    ranks[m.id] = r;
    maxMetric[m.id] = N.length ? value(order[0]) : 0;
  });
  function sizeFor(i, metric) {
    var k = kindOf(N[i]);
    var lo = k.activity ? 6 : 10;
    var hi = k.activity ? 18 : 44;
    if (!metric || !maxMetric[metric]) { return lo + (hi - lo) * 0.3; }
    var v = (N[i].metrics[metric] || 0) / maxMetric[metric];
    return Math.round((lo + (hi - lo) * Math.sqrt(v)) * 10) / 10;
  }

  /* ---- tooltips (plain text) -------------------------------------------------------- */
  function nodeTitle(i) {
    var n = N[i];
    var head = kindOf(n).label;
    if (countryLabel(n) && n.kind !== "Country") { head += " \u00b7 " + countryLabel(n); }
    var lines = [n.label, head];
    if (n.alt.length) { lines.push(UI.alt_names + ": " + clip(n.alt.join("; "), 200)); }
    if (n.wikidata) { lines.push("Wikidata: " + n.wikidata); }
    DATA.metrics.forEach(function (m) {
      lines.push(m.label + ": " + num(n.metrics[m.id]) + " (" + fmt(UI.rank, { rank: ranks[m.id][i], n: N.length }) + ")");
    });
    lines.push(UI.click_details);
    return lines.join("\n");
  }
  function edgeTitle(i) {
    var e = E[i];
    var lines = [edgeName(e)];
    var facts = [];
    if (e.status) { facts.push(UI.status + ": " + (DATA.statuses[e.status] || e.status)); }
    if (e.since) { facts.push(UI.since + " " + e.since); }
    facts.push(fmt(UI.support, { sources: e.sources, sentences: e.evidence.length }));
    lines.push(facts.join(" \u00b7 "));
    e.evidence.slice(0, 5).forEach(function (k) {
      var s = DATA.sentences[k];
      lines.push("", "\u201c" + clip(s.text, 280) + "\u201d", "\u2014 " + sourceLine(s));
    });
    if (e.evidence.length > 5) { lines.push("", fmt(UI.more_evidence, { n: e.evidence.length - 5 })); }
    return lines.join("\n");
  }


  /* ---- vis items: the nodes and edges pyvis was given, as they are ------------------ */
  var sizeBy = DATA.sizeBy;
  var options = DATA.options;
  var nodes = new vis.DataSet(N);
  var edges = new vis.DataSet(E);
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  api.network = network;
  api.nodes = nodes;
  api.edges = edges;

  /* ---- tooltip on hover (text only; built when needed) ------------------------------ */
  var tip = document.createElement("div");
  tip.className = "km-tooltip";
  tip.setAttribute("role", "tooltip");
  tip.hidden = true;
  container.parentNode.appendChild(tip);
  function showTip(text, pointer) {
    var lines = text.split("\n");
    tip.textContent = "";
    tip.appendChild(el("strong", lines[0]));
    tip.appendChild(el("div", lines.slice(1).join("\n")));
    tip.hidden = false;
    var wrap = container.getBoundingClientRect();
    var x = pointer.DOM.x + 14;
    var y = pointer.DOM.y + 14;
    if (x + tip.offsetWidth > wrap.width) { x = Math.max(0, pointer.DOM.x - tip.offsetWidth - 14); }
    if (y + tip.offsetHeight > wrap.height) { y = Math.max(0, wrap.height - tip.offsetHeight - 4); }
    tip.style.left = x + "px";
    tip.style.top = y + "px";
  }
  function hideTip() { tip.hidden = true; }
  network.on("hoverNode", function (p) { showTip(nodeTitle(p.node), p.pointer); });
  network.on("hoverEdge", function (p) { showTip(edgeTitle(p.edge), p.pointer); });
  ["blurNode", "blurEdge", "dragStart", "zoom"].forEach(function (name) { network.on(name, hideTip); });
  container.addEventListener("mouseleave", hideTip);
  api.nodeTitle = nodeTitle;
  api.edgeTitle = edgeTitle;

  /* ---- physics: stabilise, then stop ------------------------------------------------ */
  var physicsOff = false;
  network.once("afterDrawing", function () { api.firstDrawAt = performance.now(); });
  function ready() {
    api.readyAt = performance.now();
    document.body.setAttribute("data-km-ready", "1");
  }
  function stopPhysics(fromStabilisation) {
    if (physicsOff) { return; }
    physicsOff = true;
    network.stopSimulation();
    network.setOptions({ physics: { enabled: false } });
    progress.hidden = true;
    if (DATA.focus) { startFocus(DATA.focus.node, DATA.focus.depth); }
    if (!N.length) { ready(); return; }
    network.once("afterDrawing", ready);
    /* vis-network redraws right after "stabilizationIterationsDone"; otherwise ask for it */
    if (fromStabilisation !== true) { network.redraw(); }
  }
  var layoutStart = null;
  network.on("startStabilizing", function () { layoutStart = performance.now(); });
  network.on("stabilizationProgress", function (p) {
    var pct = p.total ? Math.round((100 * p.iterations) / p.total) : 0;
    progress.textContent = UI.layout + " " + pct + "%";
    api.layoutIterations = p.iterations;
    /* Large graphs start from a computed layout; the physics only refines it, within a time
     * budget as well as an iteration budget, and ends (at the latest, once 10 iterations have
     * run) when the page has been loading for layoutDeadlineMs: so the network is drawn and
     * usable in about as much time on a slow machine as on a fast one. */
    var now = performance.now();
    if (DATA.layoutBudgetMs && layoutStart !== null &&
        (now - layoutStart > DATA.layoutBudgetMs ||
         (now > DATA.layoutDeadlineMs && p.iterations >= 10))) {
      network.stopSimulation();
    }
  });
  network.once("stabilizationIterationsDone", function () { stopPhysics(true); });
  window.setTimeout(stopPhysics, DATA.maxLayoutMs); /* never keep the simulation running */
  if (!N.length) { stopPhysics(); }

  /* ---- detail panel ----------------------------------------------------------------- */
  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s"'<>\\]+$/i.test(u) ? u : null;
  }
  function link(url, text) {
    var href = safeUrl(url);
    if (!href) { return el("span", text); }
    var a = el("a", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }
  function action(text, fn) {
    var a = el("a", text);
    a.href = "#";
    a.addEventListener("click", function (ev) { ev.preventDefault(); fn(); });
    return a;
  }
  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
    panel.scrollTop = 0;
  }
  function hint() {
    clearPanel();
    panel.appendChild(el("p", UI.hint, "hint"));
  }
  var selectedNode = null;

  function selectNode(id) {
    selectedNode = id;
    network.selectNodes(nodeShown[id] ? [id] : []);
    showNode(id);
    updateFocusUi();
  }

  function showNode(id) {
    var n = N[id];
    if (!n) { hint(); return; }
    clearPanel();
    panel.appendChild(el("h2", n.label));
    var head = kindOf(n).label;
    if (countryLabel(n) && n.kind !== "Country") { head += " \u00b7 " + countryLabel(n); }
    panel.appendChild(el("p", head, "kind"));
    var dl = el("dl");
    if (n.alt.length) {
      dl.appendChild(el("dt", UI.alt_names));
      n.alt.forEach(function (a) { dl.appendChild(el("dd", a)); });
    }
    n.details.forEach(function (d) {
      dl.appendChild(el("dt", d[0]));
      dl.appendChild(el("dd", d[1]));
    });
    if (n.wikidata) {
      dl.appendChild(el("dt", "Wikidata"));
      var dd = el("dd");
      dd.appendChild(link("https://www.wikidata.org/wiki/" + n.wikidata, n.wikidata));
      dl.appendChild(dd);
    }
    dl.appendChild(el("dt", "IRI"));
    dl.appendChild(el("dd", n.iri));
    panel.appendChild(dl);
    if (DATA.metrics.length) {
      panel.appendChild(el("h3", UI.metrics));
      var table = el("table");
      DATA.metrics.forEach(function (m) {
        var tr = el("tr");
        tr.appendChild(el("td", m.label));
        tr.appendChild(el("td", num(n.metrics[m.id])));
        tr.appendChild(el("td", fmt(UI.rank, { rank: ranks[m.id][id], n: N.length })));
        table.appendChild(tr);
      });
      panel.appendChild(table);
    }
    panel.appendChild(el("h3", UI.connections + " (" + adj[id].length + ")"));
    /* grouped by relation and direction: "partners with →", "← participant" */
    var groups = [];
    var byKey = {};
    adj[id].forEach(function (k) {
      var e = E[k];
      var out = e.from === id;
      var key = (out ? "\u2192 " : "\u2190 ") + edgeLabel(e);
      if (!byKey[key]) {
        byKey[key] = { title: out ? edgeLabel(e) + " \u2192" : "\u2190 " + edgeLabel(e), items: [] };
        groups.push(byKey[key]);
      }
      byKey[key].items.push(k);
    });
    groups.forEach(function (g) {
      panel.appendChild(el("h4", g.title, "rel"));
      var ul = el("ul");
      g.items.slice(0, 200).forEach(function (k) {
        var e = E[k];
        var other = e.from === id ? e.to : e.from;
        var li = el("li");
        li.appendChild(action(N[other].label, function () { selectNode(other); }));
        li.appendChild(el("span", " \u00b7 "));
        li.appendChild(action(fmt(UI.support, { sources: e.sources, sentences: e.evidence.length }), function () {
          if (edgeShown[k]) { network.selectEdges([k]); }
          showEdge(k);
        }));
        ul.appendChild(li);
      });
      if (g.items.length > 200) { ul.appendChild(el("li", "\u2026 +" + (g.items.length - 200))); }
      panel.appendChild(ul);
    });
  }

  function showEdge(id) {
    var e = E[id];
    if (!e) { hint(); return; }
    clearPanel();
    var h = el("h2");
    h.appendChild(action(N[e.from].label, function () { selectNode(e.from); }));
    h.appendChild(el("span", " \u2014 " + edgeLabel(e) + " \u2014 "));
    h.appendChild(action(N[e.to].label, function () { selectNode(e.to); }));
    panel.appendChild(h);
    var facts = [];
    if (e.status) { facts.push(UI.status + ": " + (DATA.statuses[e.status] || e.status)); }
    if (e.since) { facts.push(UI.since + ": " + e.since); }
    facts.push(fmt(UI.support, { sources: e.sources, sentences: e.evidence.length }));
    panel.appendChild(el("p", facts.join(" \u00b7 "), "kind"));
    if (e.partnership) { showPartnership(e.partnership); }
    panel.appendChild(el("h3", UI.evidence + " (" + e.evidence.length + ")"));
    if (!e.evidence.length) {
      panel.appendChild(el("p", UI.no_evidence, "hint"));
      return;
    }
    var ol = el("ol", null, "evidence");
    e.evidence.forEach(function (k) {
      var s = DATA.sentences[k];
      var d = DATA.docs[s.doc] || {};
      var li = el("li");
      li.appendChild(el("blockquote", s.text));
      var src = el("div", null, "source");
      src.appendChild(link(d.url, d.headline || d.url || UI.source));
      if (d.date) { src.appendChild(el("span", " \u00b7 " + d.date)); }
      li.appendChild(src);
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  function docLink(k) {
    var d = DATA.docs[k] || {};
    return link(d.url, d.headline || d.url || UI.source);
  }

  /* A resolved partnership: its stage, where it is known from, its dated history and the
     choices made where its sources disagree. */
  function showPartnership(p) {
    var facts = [];
    if (p.stage) { facts.push(UI.lifecycle + ": " + (DATA.stages[p.stage] || p.stage)); }
    if (p.provenance) {
      facts.push(UI.provenance + ": " + (DATA.provenances[p.provenance] || p.provenance));
    }
    if (facts.length) { panel.appendChild(el("p", facts.join(" \u00b7 "), "kind lifecycle")); }
    panel.appendChild(el("h3", UI.history + " (" + p.history.length + ")"));
    if (!p.history.length) {
      panel.appendChild(el("p", UI.no_history, "hint"));
    } else {
      var ol = el("ol", null, "history");
      p.history.forEach(function (step) {
        var li = el("li");
        li.setAttribute("data-stage", step.stage);
        li.appendChild(el("strong", DATA.stages[step.stage] || step.stage));
        if (step.date) { li.appendChild(el("span", " \u00b7 " + step.date, "date")); }
        if (step.basis) { li.appendChild(el("div", step.basis, "basis")); }
        if (step.doc !== null && step.doc !== undefined) {
          var src = el("div", null, "source");
          src.appendChild(docLink(step.doc));
          li.appendChild(src);
        }
        ol.appendChild(li);
      });
      panel.appendChild(ol);
    }
    if (!p.choices.length) { return; }
    panel.appendChild(el("h3", UI.choices));
    p.choices.forEach(function (c) {
      panel.appendChild(el("p", fmt(UI.chosen, { property: c.property, value: c.chosen, rule: c.rule || "" }), "choice"));
      var ul = el("ul", null, "alternatives");
      c.alternatives.forEach(function (a) {
        var li = el("li", a.value + " \u2014 ");
        if (a.doc !== null && a.doc !== undefined) { li.appendChild(docLink(a.doc)); }
        ul.appendChild(li);
      });
      panel.appendChild(ul);
    });
  }

  function showActivities(lg, year, acts) {
    clearPanel();
    panel.appendChild(el("h2", fmt(UI.activities_in, { name: N[lg].label, year: year, n: acts.length })));
    var ul = el("ul");
    acts.forEach(function (a) {
      var li = el("li");
      li.appendChild(action(N[a].label, function () { selectNode(a); }));
      var extra = [kindOf(N[a]).label];
      N[a].details.forEach(function (d) { if (d[0] === UI.dates) { extra.push(d[1]); } });
      li.appendChild(el("span", " \u00b7 " + extra.join(" \u00b7 ")));
      ul.appendChild(li);
    });
    panel.appendChild(ul);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { selectedNode = params.nodes[0]; showNode(selectedNode); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { hint(); }
    updateFocusUi();
  });

  /* ---- filters and focus ------------------------------------------------------------ */
  var state = {};
  function defaults() {
    state.kinds = {};
    Object.keys(KINDS).forEach(function (k) { state.kinds[k] = true; });
    state.relations = {};
    Object.keys(RELS).forEach(function (r) { state.relations[r] = true; });
    E.forEach(function (e) { state.relations[e.relation] = true; });
    state.yearFrom = YEARS ? YEARS[0] : null;
    state.yearTo = YEARS ? YEARS[1] : null;
    state.country = null;
    state.focus = null;
  }
  defaults();
  api.state = state;
  var nodeShown = N.map(function () { return true; });
  var edgeShown = E.map(function () { return true; });

  function reach(start, depth, edgeOk) {
    var seen = {};
    seen[start] = true;
    var frontier = [start];
    for (var d = 0; d < depth && frontier.length; d++) {
      var next = [];
      frontier.forEach(function (i) {
        adj[i].forEach(function (k) {
          if (!edgeOk[k]) { return; }
          var other = E[k].from === i ? E[k].to : E[k].from;
          if (!seen[other]) { seen[other] = true; next.push(other); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function apply(fit) {
    var fullYears = !YEARS || (state.yearFrom <= YEARS[0] && state.yearTo >= YEARS[1]);
    var outside = function (span) { return span[1] < state.yearFrom || span[0] > state.yearTo; };
    var nodeOk = N.map(function (n) {
      if (!state.kinds[n.kind]) { return false; }
      return fullYears || !n.years || !outside(n.years);
    });
    var edgeOk = E.map(function (e) {
      if (!state.relations[e.relation] || !nodeOk[e.from] || !nodeOk[e.to]) { return false; }
      if (!fullYears && (!e.years || outside(e.years))) { return false; }
      if (state.country !== null && N[e.from].country !== state.country && N[e.to].country !== state.country) {
        return false;
      }
      return true;
    });
    var inFocus = state.focus ? reach(state.focus.node, state.focus.depth, edgeOk) : null;
    var degree = N.map(function () { return 0; });
    E.forEach(function (e, k) {
      if (inFocus && !(inFocus[e.from] && inFocus[e.to])) { edgeOk[k] = false; }
      if (edgeOk[k]) { degree[e.from] += 1; degree[e.to] += 1; }
    });
    var show = N.map(function (n, i) {
      if (!nodeOk[i] || (inFocus && !inFocus[i])) { return false; }
      if (degree[i] > 0 || (state.focus && state.focus.node === i)) { return true; }
      if (adj[i].length) { return false; } /* all its relations are filtered out */
      return state.country === null || n.country === state.country;
    });
    var nodeUpdates = [];
    var edgeUpdates = [];
    show.forEach(function (s, i) {
      if (s !== nodeShown[i]) { nodeShown[i] = s; nodeUpdates.push({ id: i, hidden: !s }); }
    });
    edgeOk.forEach(function (ok, k) {
      var s = ok && show[E[k].from] && show[E[k].to];
      if (s !== edgeShown[k]) { edgeShown[k] = s; edgeUpdates.push({ id: k, hidden: !s }); }
    });
    setHidden(nodeUpdates, edgeUpdates);
    updateStats();
    var visible = [];
    if (fit) { nodeShown.forEach(function (s, i) { if (s) { visible.push(i); } }); }
    if (visible.length) { network.fit({ nodes: visible, animation: false }); }
    else { network.redraw(); }
    return counts();
  }
  /* Show/hide items. Fast path: flip the "hidden" option of vis-network's own node and edge
   * objects and let it recompute what is visible once (a DataSet update re-parses every
   * option of every changed item and redraws after each call: ~0.5 s for 2,000 nodes). The
   * fallback, for another vis-network version, is the public DataSet update. */
  function setHidden(nodeUpdates, edgeUpdates) {
    if (!nodeUpdates.length && !edgeUpdates.length) { return; }
    var body = network.body;
    var fast = !!(body && body.nodes && body.edges && body.emitter);
    if (fast) {
      fast = nodeUpdates.every(function (u) { return body.nodes[u.id] && body.nodes[u.id].options; }) &&
        edgeUpdates.every(function (u) { return body.edges[u.id] && body.edges[u.id].options; });
    }
    if (body && body.emitter) { body.emitter.emit("_blockRedraw"); }
    try {
      if (fast) {
        nodeUpdates.forEach(function (u) { body.nodes[u.id].options.hidden = u.hidden; });
        edgeUpdates.forEach(function (u) { body.edges[u.id].options.hidden = u.hidden; });
        body.emitter.emit("_dataChanged");
      } else {
        if (nodeUpdates.length) { nodes.update(nodeUpdates); }
        if (edgeUpdates.length) { edges.update(edgeUpdates); }
      }
    } finally {
      if (body && body.emitter) { body.emitter.emit("_allowRedraw"); }
    }
  }
  function counts() {
    var n = 0;
    var m = 0;
    nodeShown.forEach(function (s) { if (s) { n += 1; } });
    edgeShown.forEach(function (s) { if (s) { m += 1; } });
    return {
      nodes: n,
      edges: m,
      drawnNodes: network.body.nodeIndices.length,
      drawnEdges: network.body.edgeIndices.length
    };
  }
  function updateStats() {
    var c = counts();
    statsEl.textContent = c.nodes === N.length && c.edges === E.length
      ? fmt(UI.stats, { nodes: N.length, edges: E.length })
      : fmt(UI.shown, { nodes: c.nodes, total_nodes: N.length, edges: c.edges, total_edges: E.length });
  }

  var depthInput = $("km-depth");
  var focusBtn = $("km-focus-btn");
  var focusState = $("km-focus-state");
  function updateFocusUi() {
    focusBtn.disabled = selectedNode === null;
    focusState.textContent = state.focus
      ? fmt(UI.focus_on, { name: N[state.focus.node].label, depth: state.focus.depth })
      : UI.focus_none;
  }
  function startFocus(id, depth) {
    state.focus = { node: id, depth: Math.max(0, Math.min(6, depth | 0)) };
    depthInput.value = String(state.focus.depth);
    selectedNode = id;
    apply(true);
    network.selectNodes([id]);
    showNode(id);
    updateFocusUi();
  }
  focusBtn.addEventListener("click", function () {
    if (selectedNode !== null) { startFocus(selectedNode, +depthInput.value || 1); }
  });
  $("km-focus-clear").addEventListener("click", function () {
    state.focus = null;
    apply(true);
    updateFocusUi();
  });
  depthInput.addEventListener("change", function () {
    if (state.focus) { startFocus(state.focus.node, +depthInput.value || 1); }
  });

  function eachInput(cls, fn) {
    Array.prototype.forEach.call(document.querySelectorAll("input." + cls), fn);
  }
  eachInput("km-kind", function (box) {
    box.addEventListener("change", function () { state.kinds[box.value] = box.checked; apply(false); });
  });
  eachInput("km-relation", function (box) {
    box.addEventListener("change", function () { state.relations[box.value] = box.checked; apply(false); });
  });
  var yearFrom = $("km-year-from");
  var yearTo = $("km-year-to");
  function onYears(changed) {
    var a = +yearFrom.value;
    var b = +yearTo.value;
    if (a > b) { if (changed === yearFrom) { yearTo.value = String(a); b = a; } else { yearFrom.value = String(b); a = b; } }
    state.yearFrom = a;
    state.yearTo = b;
    $("km-year-from-out").textContent = String(a);
    $("km-year-to-out").textContent = String(b);
    apply(false);
  }
  if (yearFrom && yearTo) {
    yearFrom.addEventListener("input", function () { onYears(yearFrom); });
    yearTo.addEventListener("input", function () { onYears(yearTo); });
  }
  var countrySelect = $("km-country");
  if (countrySelect) {
    countrySelect.addEventListener("change", function () {
      state.country = countrySelect.value === "" ? null : +countrySelect.value;
      apply(true);
    });
  }
  var sizeSelect = $("km-size-by");
  function setSizeBy(metric) {
    sizeBy = metric;
    nodes.update(N.map(function (n, i) { return { id: i, size: sizeFor(i, metric) }; }));
  }
  if (sizeSelect) {
    sizeSelect.addEventListener("change", function () { setSizeBy(sizeSelect.value); });
  }
  function syncControls() {
    eachInput("km-kind", function (box) { box.checked = !!state.kinds[box.value]; });
    eachInput("km-relation", function (box) { box.checked = !!state.relations[box.value]; });
    if (yearFrom && yearTo) {
      yearFrom.value = String(state.yearFrom);
      yearTo.value = String(state.yearTo);
      $("km-year-from-out").textContent = String(state.yearFrom);
      $("km-year-to-out").textContent = String(state.yearTo);
    }
    if (countrySelect) { countrySelect.value = state.country === null ? "" : String(state.country); }
    updateFocusUi();
  }
  $("km-reset").addEventListener("click", function () {
    defaults();
    syncControls();
    apply(true);
  });
  /* For scripts and tests: setFilter({kinds: [...], relations: [...], years: [a, b],
   * country: index|null, focus: {node, depth}|null}); omitted keys keep their value. */
  api.setFilter = function (f) {
    if (f.kinds) {
      Object.keys(state.kinds).forEach(function (k) { state.kinds[k] = f.kinds.indexOf(k) !== -1; });
    }
    if (f.relations) {
      Object.keys(state.relations).forEach(function (r) { state.relations[r] = f.relations.indexOf(r) !== -1; });
    }
    if (f.years) { state.yearFrom = f.years[0]; state.yearTo = f.years[1]; }
    if (f.country !== undefined) { state.country = f.country; }
    if (f.focus !== undefined) { state.focus = f.focus; }
    syncControls();
    return apply(true);
  };
  api.reset = function () { defaults(); syncControls(); return apply(true); };
  api.counts = counts;
  api.setSizeBy = setSizeBy;
  api.showNode = showNode;
  api.showEdge = showEdge;

  /* ---- search by name ---------------------------------------------------------------- */
  var input = $("km-search");
  var msg = $("km-search-msg");
  var names = $("km-names");
  var index = [];
  var fragment = document.createDocumentFragment();
  N.forEach(function (n, i) {
    [n.label].concat(n.alt).forEach(function (name) {
      index.push({ key: String(name).toLocaleLowerCase(), id: i });
    });
    if (!kindOf(n).activity) {
      var opt = document.createElement("option");
      opt.value = n.label;
      fragment.appendChild(opt);
    }
  });
  names.appendChild(fragment);
  function find(q) {
    q = String(q).trim().toLocaleLowerCase();
    if (!q) { return null; }
    var tests = [
      function (k) { return k === q; },
      function (k) { return k.indexOf(q) === 0; },
      function (k) { return k.indexOf(q) !== -1; }
    ];
    for (var t = 0; t < tests.length; t++) {
      var hit = null;
      for (var i = 0; i < index.length; i++) {
        if (tests[t](index[i].key)) {
          if (nodeShown[index[i].id]) { return index[i].id; }
          if (hit === null) { hit = index[i].id; }
        }
      }
      if (hit !== null) { return hit; }
    }
    return null;
  }
  function focusNode(id) {
    selectNode(id);
    network.focus(id, { scale: Math.max(network.getScale(), 1.2), animation: { duration: 400, easingFunction: "easeInOutQuad" } });
  }
  function search(q) {
    var id = find(q);
    if (id === null) { msg.textContent = UI.not_found; return null; }
    if (!nodeShown[id]) {
      msg.textContent = fmt(UI.hidden_match, { name: N[id].label });
      selectNode(id);
      return id;
    }
    msg.textContent = "";
    focusNode(id);
    return id;
  }
  $("km-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    search(input.value);
  });
  input.addEventListener("change", function () {
    if (find(input.value) !== null) { search(input.value); }
  });
  api.find = find;
  api.search = search;
  api.focusNode = focusNode;

  /* ---- views: network | timeline ----------------------------------------------------- */
  var tabNet = $("km-tab-network");
  var tabTime = $("km-tab-timeline");
  var viewNet = $("km-view-network");
  var viewTime = $("km-view-timeline");
  function showView(name) {
    var net = name === "network";
    viewNet.hidden = !net;
    viewTime.hidden = net;
    tabNet.setAttribute("aria-selected", String(net));
    tabTime.setAttribute("aria-selected", String(!net));
    if (net) { network.redraw(); }
  }
  tabNet.addEventListener("click", function () { showView("network"); });
  tabTime.addEventListener("click", function () { showView("timeline"); });
  api.showView = showView;
  function openCell(g) {
    var row = DATA.timeline.rows[+g.getAttribute("data-row")];
    var year = g.getAttribute("data-year");
    var acts = (row && row.cells[year]) || [];
    showView("network");
    var ids = [row.node].concat(acts).filter(function (i) { return nodeShown[i]; });
    network.selectNodes(ids);
    if (ids.length) { network.fit({ nodes: ids, animation: false }); }
    selectedNode = row.node;
    updateFocusUi();
    showActivities(row.node, year, acts);
  }
  Array.prototype.forEach.call(document.querySelectorAll("#km-timeline .km-cell"), function (g) {
    g.addEventListener("click", function () { openCell(g); });
    g.addEventListener("keydown", function (ev) {
      if (ev.key === "Enter" || ev.key === " ") { ev.preventDefault(); openCell(g); }
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("#km-timeline .km-row-label"), function (t) {
    t.addEventListener("click", function () {
      var row = DATA.timeline.rows[+t.getAttribute("data-row")];
      showView("network");
      focusNode(row.node);
    });
  });

  updateFocusUi();
})();
