"""OWL 2 RL inference kept apart from what the articles assert.

``rules`` is the engine the build uses: it applies the OWL 2 RL rules the ontology needs and
records, for each conclusion, the rule, the premises and the axioms, so every inferred triple can
be explained; ``schema`` reads those axioms from the ontology and refuses constructs the engine
does not implement. ``reference`` runs owlrl, the reference implementation; tests check both give
the same inferred facts. ``facts`` picks what the reasoner sees and filters what a researcher
would not call a fact. ``derivations`` writes the inferred graph with how each triple was derived.
"""
