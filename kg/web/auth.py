"""Who may change data: the bearer token that SPARQL Update, the Graph Store's writes and
notebook saves take (``KG_UPDATE_TOKEN``)."""

from __future__ import annotations

import hmac

from flask import request

from kg.web.endpoint import Endpoint
from kg.web.protocol import ProtocolError

BEARER = 'Bearer realm="kg"'


def authorise(ep: Endpoint, what: str = "SPARQL Update") -> None:
    """Return if the request carries the update token; else raise the 403 or 401 that fits.
    ``what`` names the change asked for, in the messages."""
    token = ep.settings.update_token
    if token is None:
        raise ProtocolError(
            403, f"{what} is switched off on this server (no KG_UPDATE_TOKEN is set)"
        )
    given = request.headers.get("Authorization", "")
    if not given.startswith("Bearer "):
        raise ProtocolError(
            401,
            f"{what} needs 'Authorization: Bearer <token>'",
            {"WWW-Authenticate": BEARER},
        )
    if not hmac.compare_digest(given[7:].strip().encode(), token.encode()):
        raise ProtocolError(
            401,
            "the bearer token is not valid",
            {"WWW-Authenticate": f'{BEARER}, error="invalid_token"'},
        )
