// The page's settings (from <script id="kg-data">) and two small DOM helpers shared by every module.

/** The server's settings: base, prefixes, root, and the sparql, vocabulary and examples URLs. */
export const CFG = JSON.parse(document.getElementById("kg-data").textContent);

export const $ = (id) => document.getElementById(id);

/** A new element with attributes (null or undefined ones left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}
