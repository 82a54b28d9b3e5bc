// Two small DOM helpers shared by the query page's and the notebook pages' modules.

export const $ = (id) => document.getElementById(id);

/** A new element with attributes (null or undefined ones left out) and children. */
export function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) if (v !== undefined && v !== null) node.setAttribute(k, v);
  for (const c of children) node.append(c);
  return node;
}
