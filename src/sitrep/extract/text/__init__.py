"""Articles from plain text and Markdown, including files that glue several together
(``plain.extract_text``)."""
