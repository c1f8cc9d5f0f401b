"""Main text and metadata from HTML pages, one article or several per page
(``page.extract_html``)."""
