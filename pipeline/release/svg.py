"""Small dependency-free SVG charts for the catalog page (inline, work offline)."""

from __future__ import annotations

from html import escape

FONT = "font-family:system-ui,sans-serif;font-size:11px"
BAR = "#3a6ea5"


def _frame(width: int, height: int, label: str, body: list[str]) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-label="{escape(label)}" '
        f'viewBox="0 0 {width} {height}" width="{width}" height="{height}" style="{FONT}">'
        f"<title>{escape(label)}</title>" + "".join(body) + "</svg>"
    )


def _empty(label: str) -> str:
    return _frame(420, 60, label, ['<text x="10" y="35" fill="#666">No data yet.</text>'])


def hbar(items: list[tuple[str, int]], label: str, width: int = 560) -> str:
    """Horizontal bars, one per (label, value), largest first as given."""
    if not items:
        return _empty(label)
    row, left, right = 20, 220, 50
    height = row * len(items) + 10
    top = max(v for _, v in items) or 1
    span = width - left - right
    body = []
    for i, (name, value) in enumerate(items):
        y = 5 + i * row
        w = max(1.0, span * value / top)
        text = name if len(name) <= 34 else name[:33] + "\u2026"
        body.append(
            f"<g><title>{escape(name)}: {value}</title>"
            f'<text x="{left - 6}" y="{y + 13}" text-anchor="end">{escape(text)}</text>'
            f'<rect x="{left}" y="{y + 2}" width="{w:.1f}" height="{row - 6}" fill="{BAR}"/>'
            f'<text x="{left + w + 4:.1f}" y="{y + 13}">{value}</text></g>'
        )
    return _frame(width, height, label, body)


def histogram(
    counts: list[int], edges: list[float], label: str, width: int = 560, height: int = 200
) -> str:
    """Vertical bars for binned counts; ``edges`` has one more entry than ``counts``."""
    if not counts or sum(counts) == 0:
        return _empty(label)
    left, bottom, top_pad = 40, 30, 10
    plot_h = height - bottom - top_pad
    bar_w = (width - left - 10) / len(counts)
    peak = max(counts)
    body = [
        f'<line x1="{left}" y1="{height - bottom}" x2="{width - 10}" '
        f'y2="{height - bottom}" stroke="#333"/>',
        f'<text x="{left - 4}" y="{top_pad + 8}" text-anchor="end">{peak}</text>',
    ]
    for i, n in enumerate(counts):
        h = plot_h * n / peak
        x = left + i * bar_w
        lo, hi = edges[i], edges[i + 1]
        colour = "#b2182b" if hi <= 0 else "#2166ac" if lo >= 0 else "#888"
        body.append(
            f'<g><title>{lo:g} to {hi:g}: {n}</title><rect x="{x + 1:.1f}" '
            f'y="{height - bottom - h:.1f}" width="{bar_w - 2:.1f}" height="{h:.1f}" '
            f'fill="{colour}"/></g>'
        )
    for i in range(0, len(edges), max(1, len(edges) // 10)):
        x = left + i * bar_w
        body.append(
            f'<text x="{x:.1f}" y="{height - bottom + 14}" text-anchor="middle">{edges[i]:g}</text>'
        )
    return _frame(width, height, label, body)


def heatmap(
    rows: list[str],
    cols: list[str],
    values: dict[tuple[str, str], int],
    label: str,
    row_labels: dict[str, str] | None = None,
) -> str:
    """A grid of cells shaded by value (rows x cols), with a tooltip per cell."""
    if not rows or not cols:
        return _empty(label)
    cell, left, top = 22, 210, 60
    width = left + cell * len(cols) + 20
    height = top + cell * len(rows) + 10
    peak = max(values.values()) if values else 1
    body = []
    for j, c in enumerate(cols):
        x = left + j * cell + cell / 2
        body.append(
            f'<text transform="translate({x:.1f},{top - 6}) rotate(-60)">{escape(c)}</text>'
        )
    for i, r in enumerate(rows):
        y = top + i * cell
        name = (row_labels or {}).get(r, r)
        body.append(
            f'<text x="{left - 6}" y="{y + 15}" text-anchor="end">{escape(name[:32])}</text>'
        )
        for j, c in enumerate(cols):
            n = values.get((r, c), 0)
            shade = 0.08 + 0.92 * n / peak if n else 0.0
            body.append(
                f"<g><title>{escape(name)}, {escape(c)}: {n}</title>"
                f'<rect x="{left + j * cell}" y="{y}" width="{cell - 2}" height="{cell - 2}" '
                f'fill="{BAR}" fill-opacity="{shade:.2f}" stroke="#ddd"/>'
                + (
                    f'<text x="{left + j * cell + (cell - 2) / 2:.1f}" y="{y + 15}" '
                    f'text-anchor="middle" fill="{"#fff" if shade > 0.5 else "#222"}" '
                    f'font-size="9">{n}</text>'
                    if n
                    else ""
                )
                + "</g>"
            )
    return _frame(width, height, label, body)
