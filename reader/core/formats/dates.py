"""Dates as transcripts write them (`21 July 2017`, `July 21, 2017`, `2017-07-21`, `07/21/2017`) to ISO 8601, and
times of day (`10:03AM`, `2:30 p.m.`, `14:30`) as `HH:MM`."""

from __future__ import annotations

import re

MONTHS = {
    name: i + 1
    for i, names in enumerate(
        ("january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
         "august aug", "september sep sept", "october oct", "november nov", "december dec")
    )
    for name in names.split()
}
MONTH = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
        r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?"
_DAY_MONTH_YEAR = re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m>{MONTH}),?\s+(?P<y>\d{{4}})", re.I)
_MONTH_DAY_YEAR = re.compile(rf"\b(?P<m>{MONTH})\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})", re.I)
_ISO = re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{1,2})-(?P<d>\d{1,2})\b")
_SLASHED = re.compile(r"\b(?P<m>\d{1,2})/(?P<d>\d{1,2})/(?P<y>\d{4})\b")


def iso_date(text: str) -> str | None:
    """The first date written in `text` as YYYY-MM-DD, or None. Slashed dates are read month first (US)."""
    for pattern in (_ISO, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _SLASHED):
        m = pattern.search(text)
        if not m:
            continue
        month = m["m"]
        number = int(month) if month.isdigit() else MONTHS.get(month.rstrip(".").casefold(), 0)
        day, year = int(m["d"]), int(m["y"])
        if 1 <= number <= 12 and 1 <= day <= 31:
            return f"{year:04d}-{number:02d}-{day:02d}"
    return None


# A time of day: hours and minutes in range, maybe with "AM"/"PM" ("a.m.", "p.m.", "PM"), apart from other digits.
_CLOCK = re.compile(r"\b(?P<h>[01]?\d|2[0-3]):(?P<m>[0-5]\d)(?:[ \t]*(?P<half>[AaPp])\.?[ \t]?[Mm]\.?)?(?!\d)")


def clock_time(text: str) -> str | None:
    """The first time of day written in `text` (`10:03AM`, `2:30 p.m.`, `14:30`) as `HH:MM`, or None."""
    m = _CLOCK.search(text)
    if m is None:
        return None
    hours = int(m["h"])
    if m["half"]:
        hours = hours % 12 + (12 if m["half"] in "Pp" else 0)
    return f"{hours:02d}:{m['m']}"
