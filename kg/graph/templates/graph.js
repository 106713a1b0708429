/* newskg graph viewer. Data comes from the JSON block; every string reaches the DOM through
   textContent or canvas text, never through innerHTML. */
(function () {
  "use strict";
  var data = JSON.parse(document.getElementById("kg-data").textContent);
  var meta = data.meta;
  var byId = new Map(data.nodes.map(function (n) { return [n.id, n]; }));
  var nodes = new vis.DataSet(data.nodes);
  var edges = new vis.DataSet(data.edges);
  var container = document.getElementById("graph");
  var network = new vis.Network(container, { nodes: nodes, edges: edges }, data.options);
  var adjacency = new Map(data.nodes.map(function (n) { return [n.id, []]; }));
  data.edges.forEach(function (e) { adjacency.get(e.from).push(e.to); adjacency.get(e.to).push(e.from); });

  function el(tag, text, cls) {
    var e = document.createElement(tag);
    if (text !== undefined && text !== null) e.textContent = String(text);
    if (cls) e.className = cls;
    return e;
  }

  function checkboxes(target, values, name, styles) {
    var box = document.getElementById(target);
    values.forEach(function (value) {
      var label = el("label");
      var input = el("input");
      input.type = "checkbox"; input.checked = true; input.value = value; input.name = name;
      input.addEventListener("change", apply);
      label.appendChild(input);
      if (styles && styles[value]) {
        var swatch = el("span", null, "swatch");
        swatch.style.backgroundColor = styles[value].color;
        label.appendChild(swatch);
      }
      label.appendChild(document.createTextNode(value + (styles && styles[value] ? " (" + styles[value].shape + ")" : "")));
      box.appendChild(label);
    });
  }

  function checked(name) {
    var set = new Set();
    document.querySelectorAll("input[name='" + name + "']").forEach(function (i) { if (i.checked) set.add(i.value); });
    return set;
  }

  function passes(n, f) {
    var d = n.details;
    if (!f.kinds.has(d.kind)) return false;
    if (d.event_type && !f.types.has(d.event_type)) return false;
    if (d.certainty && !f.certainties.has(d.certainty)) return false;
    if (d.date && f.from && d.date < f.from) return false;
    if (d.date && f.to && d.date > f.to) return false;
    return true;
  }

  function egoSet(center, radius, allowed) {
    var seen = new Set([center]);
    var frontier = [center];
    for (var hop = 0; hop < radius; hop++) {
      var next = [];
      frontier.forEach(function (id) {
        adjacency.get(id).forEach(function (m) {
          if (!seen.has(m) && allowed.has(m)) { seen.add(m); next.push(m); }
        });
      });
      frontier = next;
    }
    return seen;
  }

  function apply() {
    var f = {
      kinds: checked("kind"), types: checked("event-type"), certainties: checked("certainty"),
      from: document.getElementById("date-from").value, to: document.getElementById("date-to").value
    };
    var allowed = new Set(data.nodes.filter(function (n) { return passes(n, f); }).map(function (n) { return n.id; }));
    var center = document.getElementById("ego-center").value;
    if (center && byId.has(center)) {
      allowed.add(center);
      allowed = egoSet(center, Math.max(1, parseInt(document.getElementById("ego-radius").value, 10) || 1), allowed);
    }
    var updates = [];
    nodes.forEach(function (n) {
      var hidden = !allowed.has(n.id);
      if (Boolean(n.hidden) !== hidden) updates.push({ id: n.id, hidden: hidden });
    });
    if (updates.length) nodes.update(updates);
    api.visibleCount = allowed.size;
    container.dataset.visibleCount = String(allowed.size);
    document.getElementById("status").textContent = "Showing " + allowed.size + " of " + data.nodes.length +
      " nodes; size by " + meta.sizeBy + ".";
    if (center) network.fit({ nodes: Array.from(allowed), animation: false });
  }

  function field(list, name, value) {
    if (value === undefined || value === null || value === "") return;
    list.appendChild(el("dt", name));
    list.appendChild(el("dd", value));
  }

  function sentence(item) {
    var li = el("li");
    var text = String(item.sentence || "");
    var at = item.anchor ? text.indexOf(item.anchor) : -1;
    var p = el("span", null, "evidence-text");
    if (at >= 0) {
      p.appendChild(document.createTextNode(text.slice(0, at)));
      p.appendChild(el("mark", item.anchor));
      p.appendChild(document.createTextNode(text.slice(at + item.anchor.length)));
    } else {
      p.textContent = text;
    }
    li.appendChild(p);
    var where = "document " + (item.document || "?");
    if (item.start !== null && item.start !== undefined) where += ", characters " + item.start + "-" + item.end;
    li.appendChild(el("span", where, "source"));
    return li;
  }

  function show(title, fields, evidence) {
    document.getElementById("panel-title").textContent = title;
    var dl = document.getElementById("panel-fields");
    var ol = document.getElementById("panel-evidence");
    dl.replaceChildren(); ol.replaceChildren();
    fields.forEach(function (f) { field(dl, f[0], f[1]); });
    (evidence || []).forEach(function (item) { ol.appendChild(sentence(item)); });
    if (!evidence || !evidence.length) ol.appendChild(el("li", "(no evidence recorded)"));
  }

  function showNode(id) {
    var d = byId.get(id).details;
    show(d.label, [["kind", d.kind], ["type", d.entity_type], ["event type", d.event_type], ["date", d.date],
      ["certainty", d.certainty], ["speaker", d.speaker], [meta.sizeBy, d.score], ["IRI", d.iri]], d.evidence);
  }

  function showEdge(id) {
    var e = edges.get(id);
    var d = e.details;
    var evidence = d.evidence && d.evidence.length ? d.evidence : (d.evidenceFrom ? byId.get(d.evidenceFrom).details.evidence : []);
    var via = d.evidenceFrom ? byId.get(d.evidenceFrom).details : {};
    show(byId.get(e.from).details.label + " \u2192 " + byId.get(e.to).details.label,
      [["relation", d.roles.join(", ")], ["weight", d.weight], ["speaker", via.speaker], ["certainty", via.certainty],
       ["date", via.date]], evidence);
  }

  network.on("click", function (params) {
    if (params.nodes.length) showNode(params.nodes[0]);
    else if (params.edges.length) showEdge(params.edges[0]);
  });
  network.on("doubleClick", function (params) {
    if (params.nodes.length) { document.getElementById("ego-center").value = params.nodes[0]; apply(); }
  });

  checkboxes("kinds", Object.keys(meta.kinds), "kind", meta.kinds);
  checkboxes("event-types", meta.eventTypes, "event-type");
  checkboxes("certainties", meta.certainties, "certainty");
  var select = document.getElementById("ego-center");
  meta.egoChoices.forEach(function (c) { var o = el("option", c[1]); o.value = c[0]; select.appendChild(o); });
  ["date-from", "date-to", "ego-center", "ego-radius"].forEach(function (id) {
    document.getElementById(id).addEventListener("change", apply);
  });
  document.getElementById("ego-reset").addEventListener("click", function () {
    select.value = ""; apply(); network.fit({ animation: false });
  });
  if (meta.cut) {
    var note = document.getElementById("cut-note");
    note.textContent = "Graph cut: showing the top " + meta.shownNodes + " of " + meta.totalNodes + " nodes by " +
      meta.sizeBy + " (" + (meta.totalNodes - meta.shownNodes) + " nodes and their edges left out).";
    note.hidden = false;
  }

  var api = {
    network: network, nodes: nodes, edges: edges, nodeCount: data.nodes.length, edgeCount: data.edges.length,
    totalNodes: meta.totalNodes, visibleCount: data.nodes.length, ready: false, readyAt: null, apply: apply,
    showNode: showNode
  };
  window.kgGraph = api;
  container.dataset.nodeCount = String(data.nodes.length);
  network.once("afterDrawing", function () {
    api.ready = true; api.readyAt = performance.now(); document.body.dataset.ready = "true";
  });
  apply();
})();
