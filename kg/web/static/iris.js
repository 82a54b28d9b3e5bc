// IRIs: a query's PREFIX declarations resolved against the base, compact names, and where result IRIs link.
import { CFG } from "./config.js";
import { significant } from "./tokenize.js";

/** The PREFIX declarations of a query, with relative IRIs resolved against the base. */
export function declaredPrefixes(tokens) {
  const sig = significant(tokens);
  const out = {};
  for (let i = 0; i + 2 < sig.length; i++) {
    if (sig[i].type === "kw" && /^(PREFIX|@prefix)$/i.test(sig[i].text) && sig[i + 1].type === "pname" && sig[i + 2].type === "iri") {
      const name = sig[i + 1].text.replace(/:$/, "");
      out[name] = resolve(sig[i + 2].text.slice(1, -1));
    }
  }
  return out;
}

function resolve(iri) {
  try {
    return new URL(iri, CFG.base).href;
  } catch {
    return iri;
  }
}

export const PN_LOCAL = /^[\p{L}\p{N}_:](?:[\p{L}\p{N}_.:\u00B7-]*[\p{L}\p{N}_:\u00B7-])?$/u;

/** The IRI written for a query: a relative <iri> under the base, else the absolute <iri>. */
export const relativeRef = (iri) => (iri.startsWith(CFG.base) ? `<${iri.slice(CFG.base.length)}>` : `<${iri}>`);

/** How a namespace is written in a PREFIX line: relative under the base. */
export const nsRef = (ns) => relativeRef(ns);

/** prefix:local with the longest matching namespace (the query's own prefixes win), or null. */
export function curie(iri, prefixes) {
  let best = null;
  for (const [name, ns] of Object.entries(prefixes)) {
    if (iri.startsWith(ns) && iri.length > ns.length && PN_LOCAL.test(iri.slice(ns.length))) {
      if (!best || ns.length > best[1].length) best = [name, ns];
    }
  }
  return best ? `${best[0]}:${iri.slice(best[1].length)}` : null;
}

export function displayIRI(iri, prefixes) {
  return curie(iri, prefixes) ?? (iri.startsWith(CFG.base) ? `<${iri.slice(CFG.base.length)}>` : iri);
}

/** Where a result IRI links: an IRI under the base to its path on this server, others to themselves. */
export function linkFor(iri) {
  if (iri.startsWith(CFG.base)) return { href: CFG.root + iri.slice(CFG.base.length), external: false };
  return { href: iri, external: /^https?:/i.test(iri) };
}
