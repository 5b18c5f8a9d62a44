"""The completeness chart: a server-drawn SVG (matplotlib) of logs completed, in progress and expected per quarter.

The page shows it as an image with a text alternative, a caption and the same figures in a table; the SVG itself
carries a <title> and <desc>. It is embedded as a data: address, so the page's content security policy (no inline
styles) does not apply to the drawing's own styles.
"""

from __future__ import annotations

import base64
import io
from collections.abc import Sequence
from xml.sax.saxutils import escape

import matplotlib
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from collect.collection.completeness import Quarter

# GOV.UK colours: green for completed, blue hatched for in progress, dark grey outline for expected.
COMPLETED, IN_PROGRESS, EXPECTED = "#00703c", "#1d70b8", "#0b0c0c"


def describe(title: str, quarters: Sequence[Quarter]) -> str:
    """The chart's figures in words (its text alternative)."""
    parts = [
        f"quarter {q.quarter}: {q.completed:,} completed, {q.in_progress:,} in progress, {q.expected:,} expected"
        for q in quarters
    ]
    return f"{title}. " + "; ".join(parts) + "."


def chart_svg(title: str, quarters: Sequence[Quarter]) -> str:
    """The SVG text of the chart, with a <title> and a <desc> giving every figure."""
    figure = Figure(figsize=(7.5, 3.6), dpi=72)
    axes = figure.add_subplot()
    positions = list(range(len(quarters)))
    width = 0.38
    completed = [q.completed for q in quarters]
    in_progress = [q.in_progress for q in quarters]
    expected = [q.expected for q in quarters]
    left = [p - width / 2 for p in positions]
    right = [p + width / 2 for p in positions]
    axes.bar(left, completed, width, color=COMPLETED, label="Completed")
    axes.bar(
        left,
        in_progress,
        width,
        bottom=completed,
        color="white",
        edgecolor=IN_PROGRESS,
        hatch="//",
        label="In progress",
    )
    axes.bar(right, expected, width, color="white", edgecolor=EXPECTED, linewidth=1.5, label="Expected")
    axes.set_xticks(positions, [f"Quarter {q.quarter}" for q in quarters])
    axes.set_ylabel("Logs")
    axes.spines[["top", "right"]].set_visible(False)
    axes.legend(loc="upper left", bbox_to_anchor=(1.0, 1.0), frameon=False)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    figure.subplots_adjust(left=0.1, right=0.78, top=0.95, bottom=0.1)  # fixed: tight_layout costs a render
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.fonttype": "none", "svg.hashsalt": "completeness"}):
        figure.savefig(buffer, format="svg", metadata={"Date": None, "Creator": None})
    svg = buffer.getvalue()
    start = svg.index("<svg")
    end = svg.index(">", start) + 1
    labels = f"<title>{escape(title)}</title><desc>{escape(describe(title, quarters))}</desc>"
    return svg[start:end] + labels + svg[end:]


def chart_data_url(title: str, quarters: Sequence[Quarter]) -> str:
    """The chart as a data: address for an <img>."""
    return "data:image/svg+xml;base64," + base64.b64encode(chart_svg(title, quarters).encode()).decode()
