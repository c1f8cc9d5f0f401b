"""The annotation layers read a record's page chrome as blanks, offsets unchanged."""

from __future__ import annotations

from spacy.language import Language

from sitrep.annotate import annotate
from sitrep.extract.record import record_to_article
from sitrep.models import SourceDoc

TEXT = ("By Marta Kellerman\n"
        "Email Password Forgot your password?\n"
        "Firefighters from Calder Ridge saved two horses from a burning barn on Sunday, "
        "fire chief Tomas Bright said.\n"
        "Image 3 of 14 Crews cool the barn roof. Photo: Jane Ostrova, Valley Courier\n")


def test_no_layer_reads_a_byline_login_form_or_credit(nlp: Language) -> None:
    article = record_to_article(SourceDoc("f.jsonl#1", "record", "", {"text": TEXT}))
    original, ann = next(annotate([article], nlp))
    assert original is article and original.text == TEXT
    names = {TEXT[m.start:m.end] for m in ann.entities}
    assert "Tomas Bright" in names
    assert not names & {"Marta Kellerman", "Jane Ostrova", "Valley Courier", "Password"}
    assert not any(q.value in (3, 14) for q in ann.quantities)
    for m in ann.entities:  # offsets point into the article's own text
        assert TEXT[m.start:m.end] == m.text
