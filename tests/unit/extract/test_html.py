"""extract_html on pages written for the tests: metadata precedence, splitting, chrome, errors."""

from __future__ import annotations

import json
from collections.abc import Mapping

import pytest
from lxml.html import fromstring

from sitrep.errors import InputError
from sitrep.extract.html.headings import restore_headings
from sitrep.extract.html.page import extract_html
from sitrep.sources.decode import decode_bytes

HARBOUR = [
    "The port authority of Lindmark said on Tuesday that the northern harbour will stay closed "
    "for at least two more weeks after the storm damaged three of its five loading cranes.",
    "Around 40 ships were waiting offshore on Monday evening, according to the authority, and "
    "shipping companies have started to divert cargo to the smaller southern terminal.",
    "\u201cWe expect the first crane to be back in service by the end of the month,\u201d the "
    "authority's director, Mara Velkova, told reporters, adding that repairs would cost some "
    "12 million euros.",
    "Dock workers' unions said the closure could cost hundreds of temporary jobs and asked the "
    "regional government for an emergency fund to cover lost wages during the repairs.",
]
BRIDGE = [
    "Engineers inspecting the old rail bridge over the Selm river found cracks in two of its "
    "supporting piers, the regional transport office said in a statement on Wednesday.",
    "Freight trains will be limited to walking speed until the piers are reinforced, which the "
    "office expects to take about six weeks, while passenger services will use a detour.",
    "Local officials said the bridge, built in 1911, had been due for a full renovation in 2027 "
    "and that the budget for the work would now have to be brought forward by two years.",
]


def paragraphs(texts: list[str]) -> str:
    return "".join(f"<p>{t}</p>" for t in texts)


def page(head: str = "", body: str = "") -> str:
    return f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head><body>{body}</body></html>"


def json_ld(obj: Mapping[str, object]) -> str:
    return f"<script type='application/ld+json'>{json.dumps(obj)}</script>"


ARTICLE_BODY = (
    "<main><article><h1>Harbour stays shut after storm</h1>"
    + paragraphs(HARBOUR)
    + "</article></main>"
)
ALL_THREE = (
    json_ld(
        {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": "Storm keeps Lindmark harbour closed",
            "datePublished": "2025-11-04T09:30:00+01:00",
            "author": [
                {"@type": "Person", "name": "Ana Ruiz"},
                {"@type": "Person", "name": "Tom Berg"},
            ],
            "publisher": {"@type": "Organization", "name": "Coastal Courier"},
            "mainEntityOfPage": {"@id": "https://courier.example/harbour-ld"},
        }
    )
    + "<meta property='og:title' content='OG: harbour closed'>"
    + "<meta property='og:site_name' content='OG Courier'>"
    + "<meta property='article:published_time' content='2025-11-03T08:00:00Z'>"
    + "<meta name='author' content='Plain Author'>"
    + "<title>Plain title | Coastal Courier</title>"
)


def test_json_ld_wins_over_opengraph_and_plain_meta() -> None:
    [art] = extract_html(page(ALL_THREE, ARTICLE_BODY), "ld.html", {})
    assert art.title == "Storm keeps Lindmark harbour closed"
    assert art.published == "2025-11-04T09:30:00+01:00"
    assert art.author == "Ana Ruiz, Tom Berg"
    assert art.outlet == "Coastal Courier"
    assert art.url == "https://courier.example/harbour-ld"
    assert art.language == "en"


def test_json_ld_graph_entities_and_publisher_without_name() -> None:
    graph = {
        "@context": "https://schema.org",
        "@graph": [
            {"@type": "WebSite", "@id": "https://c.example/#site", "name": "Coastal Courier"},
            {
                "@type": ["ReportageNewsArticle"],
                "headline": "Port&#8217;s cranes &amp; quays damaged",
                "datePublished": "2025-11-04",
                "publisher": {"@id": "https://c.example/#org"},
                "author": {"@type": "Person", "name": "Ana Ruiz", "url": "https://c.example/ana"},
            },
        ],
    }
    [art] = extract_html(page(json_ld(graph), ARTICLE_BODY), "graph.html", {})
    assert art.title == "Port’s cranes & quays damaged"
    assert art.outlet == "Coastal Courier"  # the site's name, never the bare @id
    assert art.author == "Ana Ruiz"
    assert art.published == "2025-11-04"


def test_opengraph_wins_over_plain_meta() -> None:
    head = (
        "<meta property='og:title' content='Harbour closed for two more weeks'>"
        "<meta property='og:site_name' content='Coastal Courier'>"
        "<meta property='og:url' content='https://courier.example/harbour-og'>"
        "<meta property='article:published_time' content='2025-11-03T08:00:00Z'>"
        "<meta name='date' content='2025-10-01'>"
        "<title>Plain title</title>"
    )
    [art] = extract_html(page(head, ARTICLE_BODY), "og.html", {})
    assert art.title == "Harbour closed for two more weeks"
    assert art.outlet == "Coastal Courier"
    assert art.url == "https://courier.example/harbour-og"
    assert art.published == "2025-11-03T08:00:00+00:00"


def test_plain_metadata_and_relative_canonical() -> None:
    head = (
        "<title>Harbour shut after storm - Coastal Courier</title>"
        "<meta name='author' content='By Ana Ruiz'>"
        "<meta name='application-name' content='Coastal Courier'>"
        "<link rel='canonical' href='/news/harbour-shut'>"
    )
    body = (
        "<article><time datetime='2025-11-04'>4 November</time>"
        + paragraphs(HARBOUR)
        + "</article>"
    )
    [art] = extract_html(page(head, body), "plain.html", {"url": "https://courier.example/x?utm=1"})
    assert art.title == "Harbour shut after storm"  # the outlet suffix goes
    assert art.author == "Ana Ruiz"
    assert art.published == "2025-11-04"
    assert art.url == "https://courier.example/news/harbour-shut"


def test_caller_metadata_only_fills_gaps() -> None:
    known = {
        "url": "https://feed.example/item/7",
        "title": "Feed title",
        "published": "Tue, 04 Nov 2025 10:00:00 GMT",
    }
    # a CMS placeholder date is no date: the feed's date stands in
    placeholder = "<meta property='article:published_time' content='0001-01-01T00:00:00Z'>"
    with_og = page(placeholder + "<meta property='og:title' content='Page title'>", ARTICLE_BODY)
    [art] = extract_html(with_og, "feed.html", known)
    assert art.title == "Page title"
    assert art.url == "https://feed.example/item/7"  # no canonical on the page
    assert art.published == "2025-11-04T10:00:00+00:00"
    bare = page("", "<div>" + paragraphs(HARBOUR) + "</div>")
    [art] = extract_html(bare, "feed.html", known)
    assert art.title == "Feed title"


def test_main_text_keeps_paragraphs_and_drops_chrome() -> None:
    related = "<p>Related stories:</p><ul><li><a href='/a'>Ferry timetable changes</a></li></ul>"
    body = (
        "<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>"
        "<article><h1>Storm shuts harbour</h1><p>Tue 4 Nov 2025, 09:30 CET</p>"
        "<p>Updated 6 sec ago</p><p>Advertisement</p>"
        + paragraphs(HARBOUR[:2])
        + "<p>Follow us on Twitter and Facebook for the latest updates.</p>"
        + paragraphs(HARBOUR[2:])
        + related
        + "<p>Get the morning briefing in your inbox: sign up for our newsletter.</p>"
        "<p>Filed under: Ports | Weather</p></article>"
        "<footer>© 2025 Coastal Courier. All rights reserved.</footer>"
    )
    # the <h1> and the metadata title differ: neither stays in the text
    head = "<meta property='og:title' content='Harbour stays shut after storm'>"
    [art] = extract_html(page(head, body), "c.html", {})
    assert art.text.split("\n") == HARBOUR


def test_dropped_headings_are_put_back_between_their_paragraphs() -> None:
    tree = fromstring(
        page(
            "",
            "<article>"
            + paragraphs(HARBOUR[:2])
            + "<h3><a href='/c'>Toy harbour crane</a></h3>"
            + paragraphs(HARBOUR[2:])
            + "<div class='promo'><h3><a href='/x'>Other story</a></h3></div>"
            + paragraphs(BRIDGE)
            + "</article>",
        )
    )
    text = "\n".join(HARBOUR + BRIDGE)  # what precision mode gives: no headings
    lines = restore_headings(text, tree).split("\n")
    assert lines == [*HARBOUR[:2], "Toy harbour crane", *HARBOUR[2:], *BRIDGE]


def test_two_articles_on_one_page_give_two_articles_in_order() -> None:
    body = (
        "<main>"
        "<article><h2><a href='/harbour'>Harbour stays shut</a></h2>"
        "<time datetime='2025-11-04T09:00:00Z'></time>" + paragraphs(HARBOUR) + "</article>"
        "<article><h2><a href='/bridge'>Cracks found in rail bridge</a></h2>"
        "<time datetime='2025-11-05T12:00:00Z'></time>" + paragraphs(BRIDGE) + "</article>"
        "</main>"
    )
    arts = extract_html(
        page("<title>Regional news</title>", body), "two.html", {"url": "https://n.example/"}
    )
    assert [a.title for a in arts] == ["Harbour stays shut", "Cracks found in rail bridge"]
    assert [a.url for a in arts] == ["https://n.example/harbour", "https://n.example/bridge"]
    assert [a.published for a in arts] == ["2025-11-04T09:00:00+00:00", "2025-11-05T12:00:00+00:00"]
    assert "Lindmark" in arts[0].text and "Selm" not in arts[0].text
    assert "Selm" in arts[1].text and "Lindmark" not in arts[1].text
    assert arts[0].id != arts[1].id


def test_repeated_post_blocks_without_article_elements_are_split() -> None:
    post = (
        "<div class='post'><h2>{}</h2><span class='date'><time datetime='{}'></time></span>{}</div>"
    )
    body = (
        "<div id='posts'>"
        + post.format("Harbour stays shut", "2025-11-04", paragraphs(HARBOUR))
        + post.format("Cracks found in rail bridge", "2025-11-05", paragraphs(BRIDGE))
        + "</div>"
    )
    arts = extract_html(page("<title>Blog</title>", body), "blog.html", {})
    assert [a.title for a in arts] == ["Harbour stays shut", "Cracks found in rail bridge"]
    assert arts[0].id != arts[1].id  # same page URL (none): ids come from the texts


def test_article_with_related_stories_stays_one_article() -> None:
    teaser = "<article class='card'><h3><a href='/{0}'>Story {0}</a></h3><p>{1}</p></article>"
    related = (
        "<section><h2>Related stories</h2>"
        + "".join(teaser.format(n, "A short summary of another story.") for n in "abc")
        + "</section><ul><li><a href='/d'>More from the coast</a></li></ul>"
    )
    # reader comments with headings and long bodies are not articles either
    comment = "<article><h3>Reader {0}</h3>" + paragraphs(BRIDGE) + "</article>"
    related += "<section id='comments'>" + comment.format(1) + comment.format(2) + "</section>"
    body = "<article><h1>Harbour shut</h1>" + paragraphs(HARBOUR) + "</article>" + related
    arts = extract_html(page("<title>Harbour shut</title>", body), "rel.html", {})
    assert len(arts) == 1
    assert arts[0].text.split("\n") == HARBOUR


def test_non_ascii_text_survives() -> None:
    german = (
        "Der Hafen von Zürich-Süd bleibt geschlossen, teilte die Behörde am Dienstag mit; die "
        "Reparatur der Kräne kostet rund 12 Millionen €."
    )
    texts = [
        "Москва и Пхеньян провели переговоры о военном сотрудничестве, сообщило агентство.",
        "東京の港湾局は、嵐の被害により北側の埠頭を二週間閉鎖すると発表した。",
    ]
    # a windows-1252 page, decoded by the caller as `sitrep extract` does
    cp1252 = (
        "<html><head><meta charset='windows-1252'><title>Café</title></head>"
        f"<body><article>{paragraphs([german] * 3)}</article></body></html>"
    ).encode("cp1252")
    html, _ = decode_bytes(cp1252, "cp1252.html")
    [art] = extract_html(html, "cp1252.html", {})
    assert "Zürich-Süd" in art.text and "€" in art.text and art.title == "Café"
    [art] = extract_html(page("<title>Новости</title>", paragraphs(texts)), "utf8.html", {})
    assert all(t in art.text for t in texts)
    # scripts without spaces between words still count as article text
    [art] = extract_html(page("<title>港湾局</title>", paragraphs(texts[1:] * 2)), "ja.html", {})
    assert texts[1] in art.text


def test_hover_cards_and_embedded_posts() -> None:
    card = (
        "<span class='card'><img src='p.jpg'><a href='/p/velkova'>Mara Velkova</a>"
        "<a href='/s/1'>Older story one</a><a href='/s/2'>Older story two</a></span>"
    )
    tweet = (
        "<div class='social-embed'><blockquote class='twitter-tweet'><p>Cranes are the "
        "priority, we will reopen the harbour step by step.</p>— Port Authority "
        "(@lindmarkport) <a href='https://x.example/s/1'>November 4, 2025</a></blockquote></div>"
    )
    body = (
        "<article><p>Director <a href='/p/velkova'>Mara Velkova</a>" + card + " said the port "
        "would reopen in stages once the cranes are repaired and tested.</p>"
        + paragraphs(HARBOUR[:2])
        + tweet
        + paragraphs(HARBOUR[2:])
        + "</article>"
    )
    [art] = extract_html(page("<title>Port</title>", body), "card.html", {})
    assert art.text.startswith("Director Mara Velkova said the port would reopen in stages")
    assert "Older story" not in art.text
    assert "Cranes are the priority, we will reopen the harbour step by step." in art.text


@pytest.mark.parametrize(
    "html",
    [
        "",
        "   ",
        page("<title>Nothing here</title>", ""),
        page(
            "<title>Menu</title>",
            "<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            "<footer><a href='/privacy'>Privacy</a> © 2025</footer>",
        ),
        page("<script>window.app = {}</script>", "<div id='root'></div><script>render()</script>"),
    ],
)
def test_page_without_article_text_raises_input_error(html: str) -> None:
    with pytest.raises(InputError) as err:
        extract_html(html, "empty.html", {})
    assert err.value.source == "empty.html"
    assert err.value.reason.startswith("no article text found in the page")
    assert "empty.html" in str(err.value)
