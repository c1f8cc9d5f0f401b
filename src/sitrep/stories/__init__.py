"""Stories: incremental clustering of articles across outlets and time.

Each stored article joins a story or starts one when it is ingested
(:class:`Assigner`, see assign.py); analysts correct the result with
:func:`move_article`, :func:`merge_stories`, :func:`split_articles` and
:func:`pin_article` (manual.py), and later ingests keep those corrections.
"""

from sitrep.stories.assign import Assigner, Assignment, assign_unassigned
from sitrep.stories.manual import merge_stories, move_article, pin_article, split_articles
from sitrep.stories.recheck import Recheck, recheck_recent
from sitrep.stories.state import DEFAULT_TUNING, Tuning
from sitrep.stories.views import StoryRecord, iter_story_records, story_record, story_rows

__all__ = [
    "DEFAULT_TUNING",
    "Assigner",
    "Assignment",
    "Recheck",
    "StoryRecord",
    "Tuning",
    "assign_unassigned",
    "iter_story_records",
    "merge_stories",
    "move_article",
    "pin_article",
    "recheck_recent",
    "split_articles",
    "story_record",
    "story_rows",
]
