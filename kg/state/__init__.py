"""What the server keeps between runs, in the state folder: the SQLite database (``db``), the
user graph (``usergraph``) and citable runs (``runs``)."""
