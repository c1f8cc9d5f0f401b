"""The store backends under test and the texts the store and story tests share.

The fixtures over them (``store``, ``store_db``, ``pg_schema_url``) live in
tests/conftest.py. PostgreSQL tests are skipped, with the reason, only when the
server cannot be reached; ``SITREP_TEST_PG`` overrides its URL.
"""

from __future__ import annotations

import os

import psycopg
import pytest

from sitrep.models import Article, article_id

PG_URL = os.environ.get("SITREP_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
BACKENDS = [
    "sqlite-memory",
    "sqlite-file",
    pytest.param("postgresql", marks=pytest.mark.postgres),
]

_pg_reason: list[str | None] = []


def pg_unreachable() -> str | None:
    """Why PostgreSQL cannot be used (cached), or None when it can."""
    if not _pg_reason:
        try:
            with psycopg.connect(PG_URL, connect_timeout=3):
                _pg_reason.append(None)
        except psycopg.Error as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            _pg_reason.append(f"PostgreSQL not reachable at {PG_URL} ({first}); "
                              "set SITREP_TEST_PG to a server URL to run these tests")
    return _pg_reason[0]


def with_search_path(url: str, schema: str) -> str:
    sep = "&" if "?" in url else "?"
    return f"{url}{sep}options=-csearch_path%3D{schema}"


def make_article(text: str, *, url: str | None = None, title: str | None = None,
                 outlet: str | None = None, published: str | None = None,
                 source: str = "test") -> Article:
    return Article(id=article_id(url, text), source=source, text=text, url=url,
                   title=title, outlet=outlet, published=published)


def _unwrap(text: str) -> str:
    """Paragraphs wrapped for the source file, joined back into one line each."""
    return "\n".join(" ".join(p.split()) for p in text.strip().split("\n\n"))


# The first article of the seed page (shared/seeds/002): talks in Pyongyang.
NK_REPORT = _unwrap("""
SEOUL: Senior North Korean and Russian military officials discussed strengthening
cooperation in their latest talks this week in Pyongyang, North Korean state media said
Friday, as the two countries continue to align over Russia’s war in Ukraine.

The report came days after South Korea’s spy agency, in a closed-door briefing to lawmakers,
said it had detected signs of recruitment and training activities in North Korea, possibly
in preparation for additional troop deployments to Russia.

North Korea’s official Korean Central News Agency said North Korean officials, led by Pak
Yong Il, vice director of the Korean People’s Army’s General Political Bureau, held talks
Wednesday with a Russian delegation headed by Vice Defense Minister Viktor Goremykin.

KCNA said the two sides discussed expanding cooperation in line with the “deepened bilateral
relations” developed under North Korean leader Kim Jong Un and Russian President Vladimir
Putin. The report didn’t mention any specific agreements. KCNA also said Goremykin’s
delegation separately met with North Korean Defense Minister No Kwang Chol on Thursday.

When asked whether North Korean and Russian officials may have discussed additional North
Korean troop deployments to Russia, Chang Yoon-jeong, a spokesperson for South Korea’s
Unification Ministry, said Seoul was closely monitoring the situation but wouldn’t make
assumptions.

The North Korean-Russian meetings came days after US Defense Secretary Pete Hegseth traveled
to South Korea for annual security talks between the allies on Tuesday and praised South
Korean plans to raise its military spending in the face of threats by nuclear-armed North
Korea and other regional uncertainties.

According to South Korean assessments, North Korea has sent around 15,000 troops to Russia
since last fall and also supplied large quantities of military equipment, including
artillery and ballistic missiles to support Moscow’s war against Ukraine. Kim has also
agreed to send thousands of military construction workers and deminers to Russia’s Kursk
region.

In its briefing to lawmakers on Tuesday, South Korea’s National Intelligence Service said it
also believes around 5,000 North Korean military construction troops have been moving to
Russia in phases since September for possible deployment in infrastructure restoration
projects.
""")

# Other reporting on the same talks, in other words: must NOT count as a copy.
NK_OTHER_REPORT = _unwrap("""
PYONGYANG talks between Russian and North Korean defence officials ended on Thursday with
pledges of closer military ties, according to the North's state news agency KCNA.

Russian Vice Defence Minister Viktor Goremykin led the visiting delegation, which first met
Pak Yong Il of the Korean People's Army on Wednesday and then North Korean Defence Minister
No Kwang Chol. Neither side announced a new agreement.

Seoul's intelligence service told lawmakers earlier in the week that the North appeared to
be recruiting and training soldiers, possibly ahead of a fresh deployment to Russia. South
Korean officials estimate that about 15,000 North Korean troops have already gone to
Russia, along with artillery shells and ballistic missiles.

A Unification Ministry spokesperson in Seoul said the government was watching closely but
would not speculate on what had been agreed. Analysts say Moscow has been paying for the
help with food, fuel and military technology, deepening a partnership that alarms
Washington, Seoul and Tokyo.
""")

# The second article of the seed page, shortened: an unrelated story.
IRAN_REPORT = _unwrap("""
WASHINGTON: Ahead of the US attack on Iran, President Donald Trump received briefings that
not only delivered blunt assessments about the risk of major US casualties but also touted
the prospect of a geopolitical shift in the Middle East in favor of US interests, a US
official told Reuters.

The launch of what the Pentagon called Operation Epic Fury on Saturday plunged the Middle
East into a new and unpredictable conflict. The US and Israeli militaries struck sites
across Iran, triggering retaliatory Iranian attacks against Israel and nearby Gulf Arab
countries.

The official, who spoke on condition of anonymity, said the briefers described the
operation to the president as a high-risk, high-reward scenario that could present a
once-in-a-generation opportunity for change in the region.
""")


def wire_copy(body: str, variant: int) -> str:
    """The same article as another site serves it: different chrome around it."""
    chrome = [
        ("Short Url\nUpdated 07 November 2025\nFollow\n",
         "\nShare this article: Facebook Twitter WhatsApp Email\nRead more: latest world news"),
        ("By Hyung-Jin Kim | Associated Press | Nov 7, 2025, 9:30 AM\nListen to this article\n",
         "\nCopyright 2025 The Associated Press. All rights reserved. This material may not be "
         "published, broadcast, rewritten or redistributed."),
        ("Advertisement\nWORLD NEWS\n",
         "\nSign up for our daily newsletter to get the top stories in your inbox.\n"
         "Related: North Korea says it tested a new cruise missile"),
    ]
    header, footer = chrome[variant % len(chrome)]
    return f"{header}{body}{footer}"
