// The query page's settings, from <script id="kg-data"> (read once, when first imported).

/** The server's settings: base, prefixes, root, and the sparql, vocabulary and examples URLs. */
export const CFG = JSON.parse(document.getElementById("kg-data").textContent);
