"""Coverage over time: articles per day as a small bar chart drawn inline in SVG.

No script and no outside service: the server writes the bars; each has a
<title> (shown on hover and read by screen readers) and the whole chart an
aria-label summing it up.
"""

from __future__ import annotations

from datetime import date, timedelta

from markupsafe import Markup, escape

from sitrep.render.readable_dates import human_date

WIDTH, HEIGHT, AXIS = 600, 90, 16
MAX_DAYS = 366  # a longer span is drawn by its last year
MIN_DAYS = 7


def _noun(what: str, n: int) -> str:
    return what if n != 1 else what.removesuffix("s")


def _span(days: list[tuple[str, int]]) -> list[tuple[date, int]]:
    counts = {date.fromisoformat(d): n for d, n in days if len(d) == 10}
    if not counts:
        return []
    last = max(counts)
    # At least a week wide (one day is a bar, not the whole chart); at most MAX_DAYS.
    first = max(min(min(counts), last - timedelta(days=MIN_DAYS - 1)),
                last - timedelta(days=MAX_DAYS - 1))
    return [(first + timedelta(days=i), counts.get(first + timedelta(days=i), 0))
            for i in range((last - first).days + 1)]


def coverage_svg(days: list[tuple[str, int]], what: str = "articles") -> Markup:
    """The chart, or nothing when no article has a date."""
    try:
        span = _span(days)
    except ValueError:  # a malformed stored date: no chart rather than an error page
        return Markup("")
    if not span:
        return Markup("")
    top = max(n for _, n in span)
    step = WIDTH / len(span)
    bars = []
    for i, (day, n) in enumerate(span):
        if not n:
            continue
        h = max(2.0, (HEIGHT - AXIS) * n / top)
        bars.append(f'<rect x="{i * step:.1f}" y="{HEIGHT - AXIS - h:.1f}" '
                    f'width="{max(1.0, step - 1):.1f}" height="{h:.1f}"><title>'
                    f"{escape(human_date(day.isoformat()))}: {n} {escape(_noun(what, n))}"
                    "</title></rect>")
    total = sum(n for _, n in span)
    first, last = (escape(human_date(d.isoformat())) for d in (span[0][0], span[-1][0]))
    label = f"{total} {escape(_noun(what, total))} from {first} to {last}"
    label += f", at most {top} on one day" if len([n for _, n in span if n]) > 1 else ""
    return Markup(
        f'<figure class="chart"><svg viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-label="{label}">{"".join(bars)}'
        f'<text x="0" y="{HEIGHT - 3}">{first}</text>'
        f'<text x="{WIDTH}" y="{HEIGHT - 3}" text-anchor="end">{last}</text></svg>'
        f"<figcaption class=\"meta\">Articles per day: {label}.</figcaption></figure>")
