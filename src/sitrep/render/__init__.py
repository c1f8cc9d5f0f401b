"""Output for people, shared by the edges: terminal tables (``tables``), links and text
safe to show (``safe``), TIMEX values and timestamps in words (``readable_dates``).

The brief's own renderings live with it (``sitrep.brief.render_*``).
"""
