"""Charts of a factsheet as SVG, drawn on the server: horizontal bars of an area's shares beside England's.

Each chart is an image with a title and description for screen readers; the page shows the same figures in a table
beside it. Drawn as plain SVG text (a release draws hundreds of charts in one run, and this takes microseconds).
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape
from typing import Any

AREA_COLOUR = "#1d70b8"  # GOV.UK blue
ENGLAND_COLOUR = "#505a5f"  # GOV.UK secondary text
LABEL_WIDTH = 260
BAR_WIDTH = 300
ROW_HEIGHT = 34


def bar_chart(chart_id: str, title: str, area_name: str, rows: Sequence[dict[str, Any]]) -> str:
    """An SVG of each row's `share` (the area's, in %) and `england_share`, with its `label`; hidden shares blank."""
    height = ROW_HEIGHT * len(rows) + 40
    width = LABEL_WIDTH + BAR_WIDTH + 70
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" width="100%" role="img" '
        f'aria-labelledby="{chart_id}-title {chart_id}-desc" class="app-chart" font-family="arial, sans-serif" '
        'font-size="14">',
        f'<title id="{chart_id}-title">{escape(title)}</title>',
        f'<desc id="{chart_id}-desc">Percentage of {escape(title.lower())} in {escape(area_name)} (blue) and in '
        "England (grey). The table after the chart gives the same figures.</desc>",
    ]
    for n, row in enumerate(rows):
        y = n * ROW_HEIGHT
        parts.append(f'<text x="0" y="{y + 18}" fill="#0b0c0c">{escape(str(row["label"]))[:40]}</text>')
        for offset, key, colour in ((2, "share", AREA_COLOUR), (17, "england_share", ENGLAND_COLOUR)):
            share = row.get(key)
            if share is None:
                parts.append(f'<text x="{LABEL_WIDTH}" y="{y + offset + 11}" fill="#0b0c0c" font-size="11">[c]</text>')
                continue
            length = round(BAR_WIDTH * share / 100, 1)
            parts.append(
                f'<rect x="{LABEL_WIDTH}" y="{y + offset}" width="{length}" height="13" fill="{colour}"/>'
                f'<text x="{LABEL_WIDTH + length + 4}" y="{y + offset + 11}" fill="#0b0c0c" font-size="11">'
                f"{share:.1f}%</text>"
            )
    legend = height - 22
    parts.append(
        f'<rect x="0" y="{legend}" width="14" height="14" fill="{AREA_COLOUR}"/>'
        f'<text x="20" y="{legend + 12}" fill="#0b0c0c">{escape(area_name)}</text>'
        f'<rect x="{LABEL_WIDTH}" y="{legend}" width="14" height="14" fill="{ENGLAND_COLOUR}"/>'
        f'<text x="{LABEL_WIDTH + 20}" y="{legend + 12}" fill="#0b0c0c">England</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
