"""A learned second reading of each place mention: the plain words around it, weighed.

The hand-weighted decision (:mod:`campmap.extract.decide`) reads features
written as rules, and reports nobody tuned on phrase things no rule foresaw.
This stage reads every mention once more with a logistic regression over the
words around it: the words before and after it in its sentence, its first and
last word, its shape and how it matched, and what the hand rules decided and
why. A mention is a site when the model's probability is above the threshold
stored with it; route ends keep their role.

The model is fitted by ``benchmarks/train_reread.py`` on real reports with
answers (never on the reports it is judged on) and ships as JSON
(``reread-model.json`` in campmap's data folder): its weights by feature name,
intercept, threshold, and where it came from. Its vocabulary holds only
features seen in several reports, so no report's own names are in it.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType

from campmap.errors import CampmapError
from campmap.extract.decide import VETO, WEIGHTS
from campmap.paths import data_dir
from campmap.records import Mention, Role

__all__ = [
    "LEARNED_NOT_SITE",
    "LEARNED_SITE",
    "RereadModel",
    "context_words",
    "default_model",
    "load_model",
    "open_to_reading",
    "reread",
]

LEARNED_SITE = "the words around it read as a camera site (learned)"
LEARNED_NOT_SITE = "the words around it do not read as a camera site (learned)"
MODEL_FILE = "reread-model.json"

_WEAK = frozenset(words for weight, words in WEIGHTS.values() if weight > VETO)
"""The hand reasons a learned reading may outweigh (no veto among them)."""
_WORD = re.compile(r"[a-z0-9']+|[^\sa-z0-9]")
_BEFORE = 6  # words read before a mention
_AFTER = 4  # and after it
_REACH = 120  # characters read on each side for them (to the sentence's edge when too few)


@dataclass(frozen=True, slots=True)
class RereadModel:
    """A fitted logistic regression over :func:`context_words` keys."""

    weights: Mapping[str, float]
    intercept: float
    threshold: float

    def probability(self, keys: Iterable[str]) -> float:
        """Return the probability that a mention with these keys is a camera site.

        Examples
        --------
        >>> m = RereadModel({"b0:at": 2.0}, -1.0, 0.5)
        >>> round(m.probability(["b0:at"]), 3), round(m.probability(["b0:in"]), 3)
        (0.731, 0.269)
        """
        get = self.weights.get
        score = self.intercept + sum(get(key, 0.0) for key in keys)
        return 1.0 / (1.0 + math.exp(-score))


def context_words(mention: Mention) -> tuple[str, ...]:
    """Return the feature keys of a mention: the words around it and what was decided.

    Examples
    --------
    >>> from campmap.records import Sentence
    >>> s = Sentence("Cameras went up on Elm Road.", (), 0)
    >>> m = Mention(text="Elm Road", sentence=s, start=19, end=27, role=Role.SITE)
    >>> context_words(m)[:6]
    ('b:on', 'b0:on', 'b:up', 'b1:up', 'b:went', 'b:cameras')
    """
    text = mention.sentence.text
    before = _words(text, max(0, mention.start - _REACH), mention.start, _BEFORE, last=True)
    after = _words(text, mention.end, mention.end + _REACH, _AFTER, last=False)
    keys: list[str] = []
    for k, word in enumerate(reversed(before)):
        keys.append("b:" + word)
        if k < 2:
            keys.append(f"b{k}:{word}")
    if len(before) >= 2:
        keys.append(f"bb:{before[-2]}_{before[-1]}")
    for k, word in enumerate(after):
        keys.append("a:" + word)
        if k < 2:
            keys.append(f"a{k}:{word}")
    words = mention.text.lower().split() or [""]
    keys += [f"h:{words[-1]}", f"w0:{words[0]}", f"n:{min(len(words), 4)}"]
    keys += [f"s:{mention.shape}", f"m:{mention.match}", f"role:{mention.role.value}"]
    keys += ["r:" + reason for reason in mention.reasons]
    return tuple(dict.fromkeys(keys))  # (once each, in order)


def open_to_reading(mention: Mention) -> bool:
    """Whether the learned reading may change a mention's role.

    Route ends keep their role, and so does a mention the hand rules set
    aside for a strong reason (an organisation, the area other sites are in, a
    person ...): the model reads the words around a mention, and those reasons
    come from what the rules know of the whole report.

    Examples
    --------
    >>> from campmap.records import Sentence
    >>> s = Sentence("Police in Upton said so.", (), 0)
    >>> m = Mention(text="Upton", sentence=s, start=10, end=15, role=Role.CONTEXT)
    >>> open_to_reading(m), open_to_reading(replace(m, reasons=("a person, not a place",)))
    (True, False)
    """
    if mention.role is Role.ROUTE:
        return False
    return mention.role is Role.SITE or all(reason in _WEAK for reason in mention.reasons)


def _words(text: str, start: int, end: int, count: int, *, last: bool) -> list[str]:
    """Return the first (or ``last``) ``count`` lower-case words of ``text[start:end]``.

    Only a stretch around the mention is read (a long sentence with many mentions
    is not read once per mention); when the stretch is cut inside a word that
    could be among those wanted, the words are read to the sentence's edge.
    """
    words = _WORD.findall(text[start:end].lower())
    cut = start > 0 if last else end < len(text)
    if cut and len(words) <= count:
        words = _WORD.findall((text[:end] if last else text[start:]).lower())
    return words[-count:] if last else words[:count]


def reread(mentions: Sequence[Mention], model: RereadModel | None = None) -> list[Mention]:
    """Read every site and context mention again with the learned model.

    A mention whose role the model changes takes the model's confidence and
    its reason; one it agrees with, or one not open to the reading
    (:func:`open_to_reading`), is returned as it was.

    Parameters
    ----------
    mentions : sequence of Mention
        A report's mentions, as the hand rules decided them.
    model : RereadModel, optional
        The shipped model (:func:`default_model`) by default.

    Returns
    -------
    list of Mention
    """
    model = model or default_model()
    out = []
    for mention in mentions:
        if not open_to_reading(mention):
            out.append(mention)
            continue
        p = model.probability(context_words(mention))
        role = Role.SITE if p > model.threshold else Role.CONTEXT
        if role is mention.role:
            out.append(mention)
            continue
        reason = LEARNED_SITE if role is Role.SITE else LEARNED_NOT_SITE
        confidence = p if role is Role.SITE else 1.0 - p
        out.append(
            replace(
                mention,
                role=role,
                confidence=round(confidence, 3),
                reason=reason,
                reasons=(reason,),
                count=mention.count if role is Role.SITE else None,
                count_text=mention.count_text if role is Role.SITE else None,
            )
        )
    return out


def load_model(path: Path) -> RereadModel:
    """Read a model written by ``benchmarks/train_reread.py``.

    Raises
    ------
    CampmapError
        When the file is missing, not JSON, or lacks a field.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        weights = {str(k): float(v) for k, v in raw["weights"].items()}
        return RereadModel(
            MappingProxyType(weights), float(raw["intercept"]), float(raw["threshold"])
        )
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as error:
        raise CampmapError(
            f"{path.name}: not a reread model (expected JSON with weights, intercept and "
            f"threshold): {error}"
        ) from error


@lru_cache(maxsize=1)
def default_model() -> RereadModel:
    """Return the model shipped with campmap (read once)."""
    return load_model(data_dir() / MODEL_FILE)
