"""Two pages of one outlet that share only their page chrome are two stories."""

from __future__ import annotations

from sitrep.extract.record import record_to_article
from sitrep.models import Article, SourceDoc
from sitrep.store import Store
from sitrep.stories.features import profile
from tests.support.stories import ingest, story


# One outlet's page furniture, the same on each of its pages: a login form, a gallery's
# counters and credits, share buttons, a footer.
def _chrome(shots: int) -> str:
    gallery = "\n".join(f"Image {i} of {shots} Photo: Harlan Vesey, Millbrook Ledger Video "
                        f"Caption Close" for i in range(1, shots + 1))
    return ("Email Password Forgot your password?\n"
            f"{gallery}\n"
            "Share this: Facebook\nTwitter\nPinterest\nPrint\n"
            "Copyright 2031 Millbrook Ledger Video. All rights reserved.\n")


def _page(report: str, title: str, url: str, day: str) -> Article:
    return record_to_article(SourceDoc(url, "record", "", {
        "text": _chrome(12) + report, "title": title, "url": url, "outlet": "ledger.example",
        "published": day}))


def test_chrome_is_out_of_the_profile() -> None:
    page = _page("A bakery on Orchard Lane won the county's bread prize.", "Bread prize",
                 "https://ledger.example/bread", "2031-04-02")
    terms = profile(page, None).terms
    assert "w:bakery" in terms
    assert not any(t in terms for t in ("w:password", "w:harlan", "w:caption", "w:pinterest",
                                        "w:copyright", "n:12"))


def test_two_pages_sharing_only_chrome_stay_apart(store: Store) -> None:
    first = _page("A bakery on Orchard Lane won the county's bread prize on Tuesday, "
                  "its owner said.", "Orchard Lane bakery wins bread prize",
                  "https://ledger.example/bread", "2031-04-02")
    second = _page("Swimmers from Kestrel High broke the relay record at the regional meet, "
                   "their coach said.", "Kestrel High swimmers break relay record",
                   "https://ledger.example/relay", "2031-04-03")
    done = ingest(store, [first, second])
    assert done[1].how != "copy"  # the near-copy check reads the reports, not the chrome
    assert story(store, first) != story(store, second)
