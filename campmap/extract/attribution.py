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
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache

from campmap.extract.counts import CAMERA_NOUN
from campmap.paths import data_dir
from campmap.records import Document

__all__ = ["Attribution", "attribute_sources", "join_names", "makers", "split_names"]

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
    """The camera makers and operators a report (or a sentence) names, each set sorted.

    Examples
    --------
    >>> Attribution(("Hikvision",)) | Attribution(("Dahua", "Hikvision"), ("Kent Police",))
    Attribution(makers=('Dahua', 'Hikvision'), operators=('Kent Police',))
    """

    makers: tuple[str, ...] = ()
    operators: tuple[str, ...] = ()

    def __or__(self, other: Attribution) -> Attribution:
        """Return the makers and operators either names."""
        return Attribution(
            tuple(sorted({*self.makers, *other.makers})),
            tuple(sorted({*self.operators, *other.operators})),
        )


def join_names(names: Iterable[str]) -> str | None:
    """Return names as one stored text (``; ``-joined), None for none (checkpoints, spill files).

    Examples
    --------
    >>> join_names(("Dahua", "Hikvision")), join_names(())
    ('Dahua; Hikvision', None)
    """
    return "; ".join(names) or None


def split_names(text: str | None) -> tuple[str, ...]:
    """Return the names :func:`join_names` stored.

    Examples
    --------
    >>> split_names("Dahua; Hikvision"), split_names(None)
    (('Dahua', 'Hikvision'), ())
    """
    return tuple(text.split("; ")) if text else ()


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
    Attribution(makers=('Hikvision',), operators=('Kent County Council',))
    >>> attribute_sentence("A police spokesman denied running the Hikvision cameras.")
    Attribution(makers=('Hikvision',), operators=())
    >>> attribute_sentence("Hikvision is banned in the US.")  # not about cameras
    Attribution(makers=(), operators=())
    """
    if not CAMERA_NOUN.search(text):
        return Attribution()
    makers = sorted(set(_makers().findall(text)))
    operators = sorted({m.group("org").strip() for p in _OPERATOR for m in p.finditer(text)})
    return Attribution(tuple(makers), tuple(operators))


def attribute_sources(document: Document) -> dict[str, Attribution]:
    """Return, for each source label, the makers and operators its camera sentences name."""
    found: dict[str, Attribution] = {}  # (sources whose sentences are all elsewhere: none)
    for sentence in document.sentences:
        tags = attribute_sentence(sentence.text)
        for label in sentence.sources:
            found[label] = found.get(label, Attribution()) | tags
    return found
