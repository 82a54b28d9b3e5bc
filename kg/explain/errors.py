"""The errors of an explanation: a badly written term, or a triple nothing gives."""


class ExplainError(ValueError):
    """The triple is not in the graph, or not written as an IRI/CURIE/literal."""


class TermError(ExplainError):
    """A subject, property or object that is missing or not written as an IRI, CURIE or literal."""


class NotInGraph(ExplainError):
    """The triple is well written but neither an article, the registry nor inference gives it."""
