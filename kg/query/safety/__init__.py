"""What a SPARQL text may do, decided before the engine sees it.

``guard`` reads a text without running it (query or update, SERVICE, LOAD, FROM) and refuses what
the endpoint forbids; ``updates`` reads an update's parse to find the graphs it would write.
"""
