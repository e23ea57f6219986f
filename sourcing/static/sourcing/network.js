// Draws the network of a company page with Cytoscape.js (vendored in static/vendor/). The page
// already lists every tie with its passages; this adds the drawing: a click on a tie shows its
// quotes, a click on a node opens its page. Without scripts, the list is the page.
"use strict";

document.addEventListener("DOMContentLoaded", () => {
  const container = document.getElementById("network-graph");
  const data = document.getElementById("network-data");
  if (!container || !data || typeof cytoscape !== "function") return;
  const network = JSON.parse(data.textContent);
  if (!network.edges.length) return;
  const details = document.getElementById("tie-details");
  container.hidden = false;

  const elements = [
    ...network.nodes.map((node) => ({ data: { ...node, label: node.name } })),
    ...network.edges.map((edge) => ({ data: { ...edge } })),
  ];
  const graph = cytoscape({
    container,
    elements,
    layout: { name: "cose", animate: false },
    style: [
      { selector: "node", style: { label: "data(label)", "font-size": 11, "background-color": "#4f7cac", "text-wrap": "wrap", "text-max-width": 120 } },
      { selector: "node[type = 'plant']", style: { shape: "round-rectangle", "background-color": "#c47f00" } },
      { selector: "edge", style: { width: 2, "line-color": "#999", "target-arrow-color": "#999", "target-arrow-shape": "triangle", "curve-style": "bezier" } },
      { selector: "edge[kind = 'agreement']", style: { "line-style": "dashed", "target-arrow-shape": "none" } },
      { selector: "edge:selected", style: { "line-color": "#c47f00", width: 4 } },
    ],
  });

  // The quotes of a tie, written as text (never as HTML: they are sources' words).
  const showTie = (edge) => {
    details.textContent = "";
    const title = document.createElement("strong");
    const source = graph.getElementById(edge.source).data("name");
    const target = graph.getElementById(edge.target).data("name");
    title.textContent = `${source} — ${edge.label} — ${target}`;
    details.appendChild(title);
    const list = document.createElement("ul");
    for (const citation of edge.citations) {
      const item = document.createElement("li");
      const link = document.createElement("a");
      link.href = citation.source_url;
      link.textContent = `“${citation.quote}”`;
      item.appendChild(link);
      item.append(` — ${citation.article.title}`);
      list.appendChild(item);
    }
    details.appendChild(list);
  };
  graph.on("tap", "edge", (event) => showTie(event.target.data()));
  graph.on("tap", "node", (event) => { window.location.href = event.target.data("page_url"); });
});
