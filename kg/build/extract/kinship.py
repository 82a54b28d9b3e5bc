"""Kinship words both readers share: the in-law words and the property each names (the infobox's
"Relatives" line and the prose rules map the other words each in their own way)."""

from __future__ import annotations

IN_LAWS = {
    "father-in-law": "kgo:fatherInLaw",
    "mother-in-law": "kgo:motherInLaw",
    "son-in-law": "kgo:sonInLaw",
    "daughter-in-law": "kgo:daughterInLaw",
    "brother-in-law": "kgo:brotherInLaw",
    "sister-in-law": "kgo:sisterInLaw",
}
