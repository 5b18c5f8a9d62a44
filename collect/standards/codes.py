"""Code lists of the national standard that outlive one collection year and are used outside the log forms.

The lettings declarations use RENT_PERIODS for the `period` question; organisations store which of these codes
they use (platform.md §2.1), and the lettings rent period check (F15) compares the two.
"""

from __future__ import annotations

from typing import Final

# (code, label), in the order the question shows them.
RENT_PERIODS: Final[tuple[tuple[int, str], ...]] = (
    (2, "Every 2 weeks"),
    (3, "Every 4 weeks"),
    (4, "Every calendar month"),
    (9, "Weekly for 46 weeks"),
    (8, "Weekly for 47 weeks"),
    (7, "Weekly for 48 weeks"),
    (6, "Weekly for 49 weeks"),
    (5, "Weekly for 50 weeks"),
    (11, "Weekly for 51 weeks"),
    (1, "Weekly for 52 weeks"),
    (10, "Weekly for 53 weeks"),
)
RENT_PERIOD_LABELS: Final[dict[int, str]] = dict(RENT_PERIODS)
ALL_RENT_PERIOD_CODES: Final[tuple[int, ...]] = tuple(code for code, _ in RENT_PERIODS)
