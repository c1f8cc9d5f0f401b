"""Renderings for people: terminal tables (and later Markdown and HTML briefs)."""
