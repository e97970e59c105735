"""Villages a later sentence puts cameras in one by one: ``one camera in each village``.

A report may name its places only as the bodies that asked for the cameras
(``Upton, Elmley and Great Brome parish councils made a joint bid``) and put
the cameras there in another sentence (``one camera will be placed in each
village``). Each of those places is then a site, with the one camera each
gets when the sentence says so.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Sequence

from campmap.extract.counts import CAMERA_NOUN
from campmap.extract.kinds import clause_status
from campmap.gazetteer.names import lowercase
from campmap.records import Mention, Role, Sentence

__all__ = ["EACH", "settle_each"]

EACH = "a place of a body that asked for cameras, which go in each of them"
_CONFIDENCE = 0.8
"""How sure: the places and the cameras meet only across sentences."""
_EACH = re.compile(r"\b(?:in|at|for|to)\s+each\s+(?:village|town|parish|suburb|community)\b")
_ONE_EACH = re.compile(r"\b(?:one|a|an|a\s+single)\s+(?:[\w-]+\s+){0,3}?cameras?\b")
_BODIES_AFTER = re.compile(
    r"(?:(?:,\s*|\s+and\s+)[A-Z][\w'-]*(?:\s+[A-Z][\w'-]*){0,2})*"
    r"\s+(?:parish|village|town|community)\s+councils\b"
)
"""The rest of ``A, B and C parish councils``: councils of several places, named in turn."""


def settle_each(mentions: Sequence[Mention], sentences: Sequence[Sentence]) -> list[Mention]:
    """Make sites of the places whose councils a report lists, when cameras go in each.

    Parameters
    ----------
    mentions : sequence of Mention
        A document's mentions, in order.
    sentences : sequence of Sentence
        The document's sentences.

    Returns
    -------
    list of Mention
        The mentions, the places of such councils turned to sites.
    """
    each: dict[str, tuple[str | None, bool]] = {}
    for sentence in sentences:
        low = lowercase(sentence.text)
        if sentence.source not in each and _EACH.search(low) and CAMERA_NOUN.search(low):
            each[sentence.source] = (clause_status(low), bool(_ONE_EACH.search(low)))
    if not each:
        return list(mentions)
    out = []
    for mention in mentions:
        if (
            mention.source in each
            and mention.role is Role.CONTEXT
            and mention.shape == "name"
            and _BODIES_AFTER.match(mention.sentence.text, mention.end)
        ):
            status, one = each[mention.source]
            mention = dataclasses.replace(
                mention,
                role=Role.SITE,
                status=status or "installed",
                count=1 if one else None,
                count_text="one" if one else None,
                reason=EACH,
                reasons=(EACH,),
                confidence=_CONFIDENCE,
            )
        out.append(mention)
    return out
