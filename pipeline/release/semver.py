"""Release version numbers: MAJOR.MINOR.PATCH, and which part a new release bumps.

- first release: 1.0.0 ("initial")
- MAJOR: the published contract changed (a table or column added, removed, renamed or retyped,
  judged by comparing the previous release's Table Schemas with the current ones)
- MINOR: articles were added
- PATCH: only extractions or corrections changed (rows of existing articles)
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

_VERSION = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$")

BUMPS = ("initial", "major", "minor", "patch")


@dataclass(frozen=True, order=True)
class Version:
    major: int
    minor: int
    patch: int

    @classmethod
    def parse(cls, text: str) -> Version:
        m = _VERSION.match(text)
        if not m:
            raise ValueError(f"not a MAJOR.MINOR.PATCH version: {text!r}")
        return cls(int(m[1]), int(m[2]), int(m[3]))

    def bump(self, part: str) -> Version:
        if part == "major":
            return Version(self.major + 1, 0, 0)
        if part == "minor":
            return Version(self.major, self.minor + 1, 0)
        if part == "patch":
            return Version(self.major, self.minor, self.patch + 1)
        raise ValueError(f"unknown bump {part!r}")

    def __str__(self) -> str:
        return f"{self.major}.{self.minor}.{self.patch}"


FIRST = Version(1, 0, 0)


def is_version(text: str) -> bool:
    return bool(_VERSION.match(text))


def list_versions(datasets_dir: Path) -> list[Version]:
    """Complete releases under ``datasets_dir`` (folders named like a version), oldest first.

    Only finished releases have such a name: a release is built in a hidden temporary folder
    and renamed into place once every file is written.
    """
    if not datasets_dir.is_dir():
        return []
    found = [
        Version.parse(p.name)
        for p in datasets_dir.iterdir()
        if p.is_dir() and is_version(p.name) and (p / "datapackage.json").is_file()
    ]
    return sorted(found)


def choose_bump(
    previous_contract: dict[str, list[Any]] | None,
    current_contract: dict[str, list[Any]],
    articles_added: int,
) -> str:
    """Which part of the version a release bumps, given what changed since the previous one."""
    if previous_contract is None:
        return "initial"
    normalise = {t: [tuple(f) for f in fields] for t, fields in previous_contract.items()}
    if normalise != {t: [tuple(f) for f in fields] for t, fields in current_contract.items()}:
        return "major"
    if articles_added > 0:
        return "minor"
    return "patch"


def next_version(previous: Version | None, bump: str) -> Version:
    if previous is None or bump == "initial":
        return FIRST
    return previous.bump(bump)
