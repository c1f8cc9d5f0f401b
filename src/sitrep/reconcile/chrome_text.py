"""Chrome inside a sentence span: captions, credits, gallery counters, teasers, prompts.

The extractor drops chrome lines it recognises; what it leaves glued to prose (a photo
gallery's captions, "FILE - In this ... photo") must still never be quoted or counted.
"""

from __future__ import annotations

import functools
import re

from sitrep.extract.chrome import LineKind, classify_line

_FILE_PHOTO = re.compile(
    r"^(?:FILE\b|In this\b.*\b(?:photo|image)\b|(?:an?\s+|the\s+)?(?:photo|picture|image)s?"
    r"\s+(?:issued|released|provided|taken|shows?|of)\b)|\bfile photo\b", re.I)
# A photo gallery's counter ("1/8 The scene ... Steve Parsons/PA 2/8").
_GALLERY = re.compile(r"(?<![\w/])\d{1,2}/\d{1,2}(?![\w/])")
_CHROME_KINDS = frozenset({LineKind.CHROME, LineKind.CREDIT, LineKind.TEASER_LABEL,
                           LineKind.BYLINE})


@functools.lru_cache(maxsize=16384)
def is_chrome(text: str) -> bool:
    """A sentence that is page chrome by any of its lines: a photo caption or credit,
    a gallery caption ("2/8"), a teaser label, a share or newsletter prompt."""
    counters = _GALLERY.findall(text)
    if _FILE_PHOTO.search(text[:80]) or len(counters) >= 2 or (
            counters and _GALLERY.match(text.lstrip())):
        return True
    return any(classify_line(line).kind in _CHROME_KINDS for line in text.splitlines())
