"""newsledger: news articles → append-only ledger → validated tables → versioned datasets."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("newsledger")
except PackageNotFoundError:  # running from a source tree without installing
    __version__ = "0.0.0"


def producer(stage: str) -> str:
    """The producer string recorded on ledger entries."""
    return f"newsledger/{__version__} {stage}"
