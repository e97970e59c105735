"""Who made and who runs the cameras a report describes.

The maker comes from a list of camera manufacturers (``data/manufacturers.txt``)
named in a sentence about cameras; the operator from explicit phrases such as
``operated by X`` or ``X has installed ... cameras``, where X is an
organisation (a council, a police force, a company). Both are read per report
and given to the sites that report supports, as OpenStreetMap's
``manufacturer`` and ``operator`` tags.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from campmap.extract.counts import CAMERA_NOUN
from campmap.paths import data_dir
from campmap.records import Document

__all__ = ["Attribution", "attribute_sources", "makers"]

_ORG_END = (
    r"(?:Council|Police|Police Service|Constabulary|Authority|Borough|Trust|Ltd|Limited|plc|"
    r"Group|Company|Corporation|Transport for London|TfL|Network Rail|Agency|Department)"
)
_ORG = rf"(?P<org>(?:[A-Z][\w&'.-]*\s+){{0,5}}{_ORG_END})\b"
_OPERATOR = (
    re.compile(
        rf"\b(?:operated|run|managed|monitored|owned|installed|erected|put\s+up|deployed)\s+by\s+"
        rf"(?:the\s+)?{_ORG}"
    ),
    re.compile(
        rf"(?:^|(?<=\s))(?:[Tt]he\s+)?{_ORG}\s+(?:has|have|had|will\s+have)\s+(?:now\s+)?"
        r"(?:installed|put\s+up|erected|deployed|mounted|added|switched\s+on)\b"
    ),
)


@dataclass(frozen=True, slots=True)
class Attribution:
    """The camera maker and operator a report names (``;``-joined when several)."""

    manufacturer: str | None = None
    operator: str | None = None


@cache
def makers() -> frozenset[str]:
    """Return the camera makers campmap knows, in lower case (``data/manufacturers.txt``)."""
    return frozenset(
        line.strip().lower()
        for line in (data_dir() / "manufacturers.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    )


@cache
def _makers() -> re.Pattern[str]:
    names = [
        line.strip()
        for line in (data_dir() / "manufacturers.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    names.sort(key=len, reverse=True)
    return re.compile(r"\b(" + "|".join(re.escape(n) for n in names) + r")\b")


def attribute_sentence(text: str) -> Attribution:
    """Return the maker and operator named in one sentence about cameras.

    Examples
    --------
    >>> attribute_sentence("Ten Hikvision cameras were installed by Kent County Council.")
    Attribution(manufacturer='Hikvision', operator='Kent County Council')
    >>> attribute_sentence("A police spokesman denied running the Hikvision cameras.")
    Attribution(manufacturer='Hikvision', operator=None)
    >>> attribute_sentence("Hikvision is banned in the US.")  # not about cameras
    Attribution(manufacturer=None, operator=None)
    """
    if not CAMERA_NOUN.search(text):
        return Attribution()
    makers = sorted(set(_makers().findall(text)))
    operators = sorted({m.group("org").strip() for p in _OPERATOR for m in p.finditer(text)})
    return Attribution("; ".join(makers) or None, "; ".join(operators) or None)


def attribute_sources(document: Document) -> dict[str, Attribution]:
    """Return, for each source label, the makers and operators its camera sentences name."""
    makers: dict[str, set[str]] = {}  # (sources whose sentences are all elsewhere: none)
    operators: dict[str, set[str]] = {}
    for sentence in document.sentences:
        found = attribute_sentence(sentence.text)
        for label in sentence.sources:
            makers.setdefault(label, set())
            operators.setdefault(label, set())
            if found.manufacturer:
                makers[label].update(found.manufacturer.split("; "))
            if found.operator:
                operators[label].update(found.operator.split("; "))
    return {
        label: Attribution(
            "; ".join(sorted(makers[label])) or None, "; ".join(sorted(operators[label])) or None
        )
        for label in makers
    }
