"""Releases: immutable, versioned, checksummed Parquet + CSV datasets with a catalog page.

Entry points for the CLI and Dagster:

- ``publish(projection, out_dir, reasons) -> PublishResult | None``
- ``diff_versions(datasets_dir, a, b) -> dict`` and ``format_diff(d) -> str``
- ``write_catalog(datasets_dir) -> Path``
- ``validate_release(version_dir) -> list[str]`` (frictionless errors; empty when valid)
"""

from pipeline.release.catalog import write_catalog
from pipeline.release.diff import diff_versions, format_diff
from pipeline.release.publisher import (
    PublishResult,
    ReleaseError,
    ReleaseExistsError,
    publish,
    read_latest,
    validate_release,
)
from pipeline.release.semver import list_versions

__all__ = [
    "PublishResult",
    "ReleaseError",
    "ReleaseExistsError",
    "diff_versions",
    "format_diff",
    "list_versions",
    "publish",
    "read_latest",
    "validate_release",
    "write_catalog",
]
