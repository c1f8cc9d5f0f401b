"""sitrep: turn raw news into sourced situation briefs.

The library comes first; the ``sitrep`` command is a thin layer over it.
"""

from sitrep.errors import FetchError, InputError, SitrepError, StoreError
from sitrep.models import Annotations, Article, SourceDoc

__version__ = "0.1.0"

__all__ = [
    "Annotations",
    "Article",
    "FetchError",
    "InputError",
    "SitrepError",
    "SourceDoc",
    "StoreError",
    "__version__",
]
