/* kotamitra network viewer. All source text is inserted with textContent. */
(function () {
  "use strict";
  var DATA = JSON.parse(document.getElementById("km-data").textContent);
  var UI = DATA.ui;
  var container = document.getElementById("km-network");
  var panel = document.getElementById("km-panel");
  var progress = document.getElementById("km-progress");
  var nodes = new vis.DataSet(DATA.nodes);
  var edges = new vis.DataSet(DATA.edges);
  var options = DATA.options;
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, options);
  var physicsOff = false;

  function stopPhysics() {
    if (physicsOff) { return; }
    physicsOff = true;
    network.stopSimulation();
    network.setOptions({ physics: { enabled: false } });
    progress.style.display = "none";
    document.body.setAttribute("data-km-ready", "1");
  }
  network.on("stabilizationProgress", function (p) {
    var pct = p.total ? Math.round((100 * p.iterations) / p.total) : 0;
    progress.textContent = UI.layout + " " + pct + "%";
  });
  network.once("stabilizationIterationsDone", function () {
    stopPhysics();
    network.fit();
  });
  /* Safety net: never keep the simulation running forever. */
  window.setTimeout(stopPhysics, DATA.maxLayoutMs);
  if (DATA.nodes.length === 0) {
    stopPhysics();
  }

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    if (cls) { e.className = cls; }
    return e;
  }
  function safeUrl(u) {
    return typeof u === "string" && /^https?:\/\/[^\s]+$/i.test(u) ? u : null;
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
  function clearPanel() {
    while (panel.firstChild) { panel.removeChild(panel.firstChild); }
  }
  function hint() {
    clearPanel();
    panel.appendChild(el("p", UI.hint, "hint"));
  }
  function nodeLabel(id) {
    var n = nodes.get(id);
    return n ? n.label : String(id);
  }

  function showNode(id) {
    var n = nodes.get(id);
    if (!n) { hint(); return; }
    clearPanel();
    panel.appendChild(el("h2", n.label));
    panel.appendChild(el("p", n.kindLabel, "kind"));
    var dl = el("dl");
    if (n.altNames && n.altNames.length) {
      dl.appendChild(el("dt", UI.alt_names));
      n.altNames.forEach(function (a) { dl.appendChild(el("dd", a)); });
    }
    if (n.details && n.details.length) {
      n.details.forEach(function (d) {
        dl.appendChild(el("dt", d[0]));
        dl.appendChild(el("dd", d[1]));
      });
    }
    if (n.wikidata) {
      dl.appendChild(el("dt", "Wikidata"));
      var dd = el("dd");
      dd.appendChild(link(n.wikidataUrl, n.wikidata));
      dl.appendChild(dd);
    }
    dl.appendChild(el("dt", "IRI"));
    dl.appendChild(el("dd", n.iri));
    dl.appendChild(el("dt", UI.connections));
    var ul = el("ul");
    network.getConnectedEdges(id).forEach(function (eid) {
      var e = edges.get(eid);
      if (!e) { return; }
      var li = el("li");
      var a = el("a", nodeLabel(e.from) + " — " + e.label + " — " + nodeLabel(e.to));
      a.href = "#";
      a.addEventListener("click", function (ev) {
        ev.preventDefault();
        network.selectEdges([eid]);
        showEdge(eid);
      });
      li.appendChild(a);
      ul.appendChild(li);
    });
    var ddc = el("dd");
    ddc.appendChild(ul);
    dl.appendChild(ddc);
    panel.appendChild(dl);
  }

  function showEdge(id) {
    var e = edges.get(id);
    if (!e) { hint(); return; }
    clearPanel();
    panel.appendChild(el("h2", nodeLabel(e.from) + " — " + e.label + " — " + nodeLabel(e.to)));
    var facts = [];
    if (e.statusLabel) { facts.push(UI.status + ": " + e.statusLabel); }
    if (e.since) { facts.push(UI.since + ": " + e.since); }
    if (facts.length) { panel.appendChild(el("p", facts.join(" · "), "kind")); }
    var ev = e.evidence || [];
    panel.appendChild(el("h3", UI.evidence + " (" + ev.length + ")"));
    if (!ev.length) {
      panel.appendChild(el("p", UI.no_evidence, "hint"));
      return;
    }
    var ol = el("ol", null, "evidence");
    ev.forEach(function (item) {
      var li = el("li");
      li.appendChild(el("blockquote", item.text));
      var src = el("div", null, "source");
      src.appendChild(link(item.url, item.headline || item.url || UI.source));
      if (item.date) { src.appendChild(el("span", " · " + item.date)); }
      li.appendChild(src);
      ol.appendChild(li);
    });
    panel.appendChild(ol);
  }

  network.on("click", function (params) {
    if (params.nodes.length) { showNode(params.nodes[0]); }
    else if (params.edges.length) { showEdge(params.edges[0]); }
    else { hint(); }
  });

  /* Search by name (label or alternative names). */
  var input = document.getElementById("km-search");
  var msg = document.getElementById("km-search-msg");
  var names = document.getElementById("km-names");
  var index = [];
  DATA.nodes.forEach(function (n) {
    [n.label].concat(n.altNames || []).forEach(function (name) {
      index.push({ key: String(name).toLocaleLowerCase(), id: n.id });
    });
    var opt = document.createElement("option");
    opt.value = n.label;
    names.appendChild(opt);
  });
  function find(q) {
    q = q.trim().toLocaleLowerCase();
    if (!q) { return null; }
    var i;
    for (i = 0; i < index.length; i++) { if (index[i].key === q) { return index[i].id; } }
    for (i = 0; i < index.length; i++) { if (index[i].key.indexOf(q) === 0) { return index[i].id; } }
    for (i = 0; i < index.length; i++) { if (index[i].key.indexOf(q) !== -1) { return index[i].id; } }
    return null;
  }
  function focusNode(id) {
    network.selectNodes([id]);
    network.focus(id, { scale: 1.3, animation: { duration: 500, easingFunction: "easeInOutQuad" } });
    showNode(id);
  }
  document.getElementById("km-search-form").addEventListener("submit", function (ev) {
    ev.preventDefault();
    var id = find(input.value);
    msg.textContent = id === null ? UI.not_found : "";
    if (id !== null) { focusNode(id); }
  });
  input.addEventListener("change", function () {
    var id = find(input.value);
    if (id !== null) { msg.textContent = ""; focusNode(id); }
  });
  window.kotamitra = { network: network, nodes: nodes, edges: edges, find: find, focusNode: focusNode };
})();
