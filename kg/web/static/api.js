// Requests to the server: the vocabulary, the example queries, and a query POSTed to the SPARQL endpoint.
import { CFG } from "./config.js";
import { params } from "./state.js";

/** The vocabulary for completion ({prefixes, terms, graphs}); rejects on an HTTP error. */
export function fetchVocabulary() {
  return fetch(CFG.vocabulary, { headers: { Accept: "application/json" } }).then((r) =>
    r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`)),
  );
}

/** The saved queries, as {ok, d}: whether the answer was a success and its JSON body. */
export function fetchExamples() {
  return fetch(CFG.examples, { headers: { Accept: "application/json" } }).then((r) => r.json().then((d) => ({ ok: r.ok, d })));
}

/** POST ``query`` to /sparql, asking for Turtle when ``kind`` is 'graph', else SPARQL JSON results. */
export function postQuery(query, kind, signal) {
  return fetch(CFG.sparql, {
    method: "POST",
    signal,
    headers: {
      Accept: kind === "graph" ? "text/turtle, application/n-triples;q=0.9, */*;q=0.1" : "application/sparql-results+json",
      "Content-Type": "application/x-www-form-urlencoded;charset=UTF-8",
    },
    body: params(query).toString(),
  });
}
