"""The static catalog page: content, offline-safety, and a real headless Chromium load."""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.release import publish, write_catalog
from tests.release_fixtures import make_tables, projection

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def datasets(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("catalog")
    publish(projection(make_tables(n_articles=2)), out, {})
    publish(projection(make_tables(n_articles=4, hostile=True)), out, {})
    return out / "datasets"


def test_catalog_lists_versions_and_dictionary(datasets: Path) -> None:
    html = (datasets / "index.html").read_text()
    assert html.index(">1.1.0<") < html.index(">1.0.0<")  # newest first
    assert 'href="1.0.0/data/events.csv"' in html and 'href="1.1.0/data/claims.parquet"' in html
    assert "sha256:" in html
    assert "Goldstein conflict-cooperation score" in html  # Pandera field description
    assert html.count("<svg") >= 4
    assert "CC-BY-4.0" in html
    # the hostile title is escaped into text, never markup
    assert "<script" not in html.lower()


def test_catalog_needs_no_network(datasets: Path) -> None:
    html = (datasets / "index.html").read_text()
    links = re.findall(r'(src|href)="([^"]*)"', html)
    remote = [(attr, url) for attr, url in links if re.match(r"(https?:)?//", url)]
    # the only remote address is the licence's, as a plain link the reader may follow
    assert remote == [("href", "https://creativecommons.org/licenses/by/4.0/")]
    assert "default-src 'none'" in html


def test_write_catalog_regenerates(datasets: Path, tmp_path: Path) -> None:
    copy = tmp_path / "datasets"
    shutil.copytree(datasets, copy)
    (copy / "index.html").unlink()
    path = write_catalog(copy)
    assert path == copy / "index.html" and ">1.1.0<" in path.read_text()


@pytest.fixture
def server(datasets: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(datasets))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}/index.html"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _check_page(url: str) -> None:
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            page = browser.new_page()
            problems: list[str] = []
            page.on("console", lambda m: problems.append(m.text) if m.type == "error" else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("requestfailed", lambda r: problems.append(f"failed: {r.url}"))
            page.goto(url)
            page.wait_for_load_state("load")
            assert page.title() == "newsledger datasets"
            rows = page.locator("#versions tbody tr")
            assert rows.count() == 2
            assert rows.first.locator("td").first.inner_text() == "1.1.0"
            assert page.locator("h3#dict-events").is_visible()
            charts = page.locator("figure svg")
            assert charts.count() >= 4
            box = charts.first.bounding_box()
            assert box is not None and box["width"] > 100 and box["height"] > 20
            assert page.locator("#csv-escaping").inner_text().startswith("CSV files only")
            assert problems == []
        finally:
            browser.close()


needs_chromium = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="no headless chromium")


@pytest.mark.browser
@needs_chromium
def test_catalog_in_chromium_from_file(datasets: Path) -> None:
    _check_page((datasets / "index.html").as_uri())


@pytest.mark.browser
@needs_chromium
def test_catalog_in_chromium_over_http(server: str) -> None:
    _check_page(server)


def test_catalog_without_releases(tmp_path: Path) -> None:
    page = write_catalog(tmp_path / "datasets").read_text()
    assert "No release yet." in page and "Data dictionary" in page
