"""OWL 2 RL inference kept apart from what the articles assert.

``rules`` is the engine the build uses: it applies the OWL 2 RL rules the ontology needs and
records, for each conclusion, the rule, the premises and the axioms, so every inferred triple can
be explained. ``reference`` runs owlrl, the reference implementation; tests check both give the
same inferred facts. ``facts`` picks what the reasoner sees and filters what a researcher would
not call a fact.
"""
