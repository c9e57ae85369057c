"""Web pages as a reader gets them: the transcript's speakers and turns, the page furniture set aside, the
metadata from the head, the headings, nothing of the page's text lost."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.containers import BlockKind, extract
from reader.core.containers import html as html_container
from reader.core.loader import TranscriptError, load_transcript, parse_extracted
from reader.core.model import AsideKind, Role, Transcript
from reader.core.search import SearchQuery, search
from tests.core.layout_checks import assert_lossless
from tests.core.test_lossless import problems

PAGES = Path(__file__).parents[1] / "data" / "containers" / "html"


def load(name: str) -> Transcript:
    t = load_transcript(PAGES / name)
    assert t.source_format == "html"
    assert_lossless(t)
    return t


def speakers(t: Transcript) -> list[str]:
    return [t.speaker(turn).name for turn in t.turns]


def said(t: Transcript) -> str:
    return "\n\n".join(turn.text for turn in t.turns)


def page(body: str, head: str = "") -> bytes:
    return f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode()


def read(body: str, head: str = "") -> Transcript:
    t = parse_extracted(extract(page(body, head), ".html"))
    assert_lossless(t)
    return t


# --- whole pages --------------------------------------------------------------------------------------------


def test_a_news_page_gives_the_interview_and_sets_the_site_aside() -> None:
    t = load("news-interview.html")
    assert t.layout == "structured"
    assert speakers(t) == ["Unknown speaker", *["Tom Reilly", "Amara Osei"] * 4]
    assert t.turns[0].text.startswith("Dr. Amara Osei has run the regional grid operator")  # the lede
    assert t.turns[1].text == "Let’s start with the night of the 3rd. What happened?"
    assert t.turns[2].text.endswith("By the time the control room had isolated the fault, 340,000 homes were dark.")
    assert t.turns[4].text.startswith("Some were. We asked for the money in 2019 & again in 2021.")
    assert t.interviewer is not None and t.interviewer.name == "Tom Reilly"
    boilerplate = [a.text for a in t.boilerplate]
    for furniture in ("Skip to main content", "Accept all", "News", "Home › Climate › Energy", "Facebook Twitter Email",
                      "Blackout report blames ageing lines", "Get the Energy Brief", "Finally someone admits it.",
                      "Flood defences fail in three towns", "© 2023 The Northern Ledger Ltd. All rights reserved."):
        assert furniture in boilerplate
        assert furniture not in said(t)
    for hidden in ("not text", "NewsArticle", "display: flex", "Please enable JavaScript", "Share"):
        assert hidden not in t.source  # scripts, styles, noscript and svg are not text at all
    assert t.metadata.title == "‘We cannot keep patching the grid’: an interview with Dr. Amara Osei"
    assert (t.metadata.date, t.metadata.time, t.metadata.language) == ("2023-11-14", "09:45", "en-GB")
    assert [(h.title, h.turn, h.level) for h in t.headings] == [
        ("‘We cannot keep patching the grid’: an interview with Dr. Amara Osei", 0, 1),
        ("The cost of catching up", 3, 2)]


def test_a_ministry_page_with_date_place_and_language_switcher() -> None:
    t = load("ministry-interview.html")
    assert speakers(t) == ["Question", "Ivan Petrenko"] * 3
    assert t.turns[1].text.startswith("There is always a way back.")  # `&#xA0;` after the label is a space
    assert t.turns[1].text.endswith("and we are waiting for an answer.")
    assert t.metadata.title == "Foreign Minister Ivan Petrenko’s interview with the Baltic Courier, Riga, March 3, 2021"
    assert (t.metadata.date, t.metadata.time, t.metadata.place) == ("2021-03-03", "14:20", "Riga")
    boilerplate = [a.text for a in t.boilerplate]
    assert {"en-GB", "ru-RU", "3 March 2021, 14:20", "Tags: Latvia, fisheries", "Statements"} <= set(boilerplate)
    assert "Advanced settings" in boilerplate[-1]


def test_a_briefing_with_q_and_title_labels_in_plain_paragraphs() -> None:
    t = load("press-briefing.html")
    assert t.layout == "labelled"  # the labels are text: the layouts read them
    assert speakers(t) == ["Ms. Whitford", *["Q", "Ms. Whitford"] * 4]
    assert t.turns[1].text == "Thanks, Dana. On the trip — will he meet the union leaders?"
    assert t.speaker(t.turns[1]).role is Role.INTERVIEWER
    assert {"4:05 P.M. EDT", "4:31 P.M. EDT"} <= {a.text for a in t.boilerplate}
    assert t.metadata.title == "Press Briefing by Press Secretary Dana Whitford, May 9, 2022"
    assert t.metadata.date == "2022-05-09"


def test_a_blog_interview_whose_questions_are_bold() -> None:
    t = load("blog-bold-questions.html")
    assert speakers(t) == ["Unknown speaker", *["Interviewer", "Priya Raman"] * 4]
    assert t.turns[0].text.startswith("Priya Raman runs Lantern Books")  # a bold lede is not a question
    assert [turn.text for turn in t.turns[1::2]] == [
        "How did Lantern start?", "Why translations, and not new British writing?",
        "What is the hardest part of the job?", "Is there a book you regret not publishing?"]
    assert t.turns[2].text == ("By accident. I was translating a Tamil novel for myself, and a friend who ran a print "
                               "shop said he would print two hundred copies if I found a cover.\n\n"
                               "We sold them in a month.")
    assert "The next book" in t.turns[6].text  # a bold line like a subheading is not a question
    assert t.interviewer is not None and t.interviewer.name == "Interviewer"
    assert len([e for e in t.exchanges if e.question is not None]) == 4
    assert "Lovely interview. Their Tamil list is wonderful." in {a.text for a in t.boilerplate}


def test_an_amp_page() -> None:
    t = load("amp-interview.html")
    assert speakers(t) == ["Ola Nwosu", "Lena Brandt"] * 3
    assert t.turns[3].text == "It was a penalty. I have watched it ten times. It was a penalty."
    assert {"Football", "Menu", "Advertisement", "Brandt after the final whistle. Photo: Sportsdesk"} <= {
        a.text for a in t.boilerplate}
    assert "gtag_id" not in t.source and "amp-start" not in t.source
    assert (t.metadata.title, t.metadata.date) == ("Coach Lena Brandt on the final: ‘We played scared’", "2022-06-12")


def test_word_exported_html_in_windows_1252() -> None:
    t = load("word-export.html")
    assert t.encoding == "cp1252"
    assert speakers(t) == ["Unknown speaker", *["Ortiz", "Halloran"] * 3]
    assert t.turns[1].text == "Mrs. Halloran, where were you born?"  # a label alone in its paragraph, above
    assert t.turns[2].text == ("On the farm outside Dunmore, in 1921. My father kept dairy cows – forty of them, "
                               "at the most “mostly”.")
    assert t.turns[4].text.endswith("boarded with the Doyles.\n\nWe had her for all eight grades.")
    assert t.speaker(t.turns[1]).role is Role.INTERVIEWER
    assert t.metadata.title == "Oral history interview with Margit Halloran"
    assert t.metadata.date == "2004-08-12"  # the cover's date line
    assert "mso" not in t.source and "Section1" not in t.source and "\u00a0" not in said(t)


def test_a_congressional_record_pre_keeps_its_lines() -> None:
    extracted = extract((PAGES / "congressional-record.html").read_bytes(), ".html")
    lines = extracted.text.split("\n")
    assert "  Mr. HARTWELL. Madam Speaker, I yield myself such time as I may" in lines
    assert lines[lines.index("  Mr. HARTWELL. Madam Speaker, I yield myself such time as I may") + 1] == "consume."
    assert '  The "digital divide" is not a slogan in Ashtabula County — it is a'.strip() in lines
    assert "  Mr. BROWN of Ohio. Will the gentlewoman yield?" in lines
    assert "[Pages H3321-H3322]" in lines
    t = load("congressional-record.html")
    assert "Forty percent of the households in my district" in said(t)
    assert t.metadata.date == "2022-03-10"


def test_labels_in_their_own_paragraph_or_div() -> None:
    t = load("speaker-paragraphs.html")
    assert speakers(t) == ["Hannah Voss", "Callum Reid"] * 3
    assert t.turns[1].text == ("Twenty-three, if you count the year they forgot to tell me it was automated.\n\n"
                               "I kept lighting it anyway.")
    assert t.turns[3].text.startswith("Painted.")
    assert all(t.source[slice(*turn.label_span)] in ("Hannah Voss", "Callum Reid") for turn in t.turns
               if turn.label_span)
    assert [h.title for h in t.headings] == ["Episode 14: The Last Lighthouse Keeper"]


def test_a_label_split_over_bold_runs() -> None:
    t = load("split-bold-labels.html")
    assert speakers(t) == ["Unknown speaker", *["Jordan", "Maria"] * 3]
    assert [turn.text for turn in t.turns[1:5]] == [
        "How long have you had this stall?", "Since 1999. My mother had it before me.", "What sells best?",
        "Tamales, always. In winter, champurrado too."]
    assert t.turns[6].text == "The rent. Everything else is the same."


def test_labels_inside_emphasis() -> None:
    t = load("italic-labels.html")
    assert speakers(t) == ["Unknown speaker", *["Interviewer", "Lindgren"] * 3]
    assert t.turns[1].text == "Your new book took nine years. Why so long?"


def test_a_page_that_is_no_transcript_reads_as_paragraphs() -> None:
    t = load("not-a-transcript.html")
    assert t.layout == "plain"
    assert {s.name for s in t.speakers} == {"Unknown speaker"}
    assert "Note: water the plant the day before" in said(t)
    assert "Fresh orchid bark" in said(t)
    assert [a.text for a in t.asides if a.kind is AsideKind.SECTION] == ["How to repot an orchid", "What you need",
                                                                         "Steps"]
    assert [a.text for a in t.boilerplate] == ["Home Guides", "© Green Sill"]


def test_info_names_the_html_container(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["info", str(PAGES / "ministry-interview.html"), "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert info["source_format"] == "html" and info["layout"] == "structured"
    assert [s["name"] for s in info["speakers"]] == ["Question", "Ivan Petrenko"]
    assert info["metadata"]["place"] == "Riga"


# --- recognising HTML ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    b"<!DOCTYPE html>\n<p>Hi</p>", b"<html><body>Hi</body></html>", b"\xef\xbb\xbf<!doctype html><p>x",
    b'<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body/></html>',
    b"<div class=a>\n<p><b>Ann:</b> Hello.</p>\n<p><b>Bob:</b> Hi.</p>\n</div>",
])
def test_html_is_recognised_by_its_content(data: bytes) -> None:
    assert html_container.sniff(data, ".txt") > 0.4
    assert extract(data, ".txt").source_format == "html"


def test_a_transcript_that_mentions_tags_is_text() -> None:
    data = (b"Question: Do you write HTML by hand?\n\nAnn: Sometimes. I still type <b> and </b> for bold, and "
            b"<p> for a paragraph.\n\nQuestion: Why?\n\nAnn: Habit.\n")
    assert html_container.sniff(data, ".txt") == 0.0
    assert extract(data, ".txt").source_format == "text"
    assert extract(data, ".html").source_format == "text"  # the suffix alone does not make it a page


def test_captions_with_italics_are_not_html() -> None:
    cues = b"".join(b"00:00:%02d.000 --> 00:00:%02d.900\n<i>Hello</i> <b>there</b>\n\n" % (i, i) for i in range(30))
    for suffix in (".vtt", ""):
        assert html_container.sniff(b"WEBVTT\n\n" + cues, suffix) == 0.0
    assert html_container.sniff(b"<p>A</p><!-- note -->\n<p>B</p><p>C</p>", "") > 0.4  # a comment is no cue


def test_the_suffix_breaks_ties() -> None:
    fragment = b"<p>One.</p><p>Two.</p><p>Three.</p>"
    assert html_container.sniff(fragment, ".html") > html_container.sniff(fragment, ".txt") > 0


# --- encodings ----------------------------------------------------------------------------------------------


def test_the_declared_charset_is_honoured() -> None:
    body = "<p><b>Вопрос:</b> Как вы оцениваете переговоры?</p><p><b>Лавров:</b> Позитивно.</p>"
    for head in ('<meta charset="windows-1251">',
                 '<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'):
        extracted = extract(f"<!DOCTYPE html><html><head>{head}</head><body>{body}</body></html>".encode("cp1251"))
        assert extracted.encoding == "cp1251"
        assert "Как вы оцениваете переговоры?" in extracted.text
    koi8 = f'<html><head><meta charset="koi8-r"></head><body>{body}</body></html>'.encode("koi8_r")
    assert "Позитивно." in extract(koi8).text


def test_a_bom_wins_and_a_wrong_declaration_falls_back_to_guessing() -> None:
    utf16 = '<html><head><meta charset="iso-8859-1"></head><body><p>Zoë said “yes”.</p></body></html>'
    extracted = extract(b"\xff\xfe" + utf16.encode("utf-16-le"))
    assert "Zoë said “yes”." in extracted.text
    lying = '<html><head><meta charset="utf-8"></head><body><p>Café “crème”, déjà vu.</p></body></html>'
    extracted = extract(lying.encode("cp1252"))
    assert extracted.encoding == "cp1252" and "Café “crème”, déjà vu." in extracted.text
    latin = '<html><head><meta charset="iso-8859-1"></head><body><p>“quoted”</p></body></html>'.encode("cp1252")
    assert "“quoted”" in extract(latin).text  # as browsers read Latin-1 pages: Windows-1252


# --- text as a browser shows it -----------------------------------------------------------------------------


def test_line_breaks_entities_and_blocks() -> None:
    t = read("<div>First line<br>second&nbsp;line<br/><br>New paragraph &amp; more &#8212; &#x2019;s &lt;b&gt;</div>"
             "<p>  spaced\n\n   out   </p><ul><li>one</li><li>two</li></ul>")
    assert "First line\nsecond line" in t.source
    assert [p.text for p in t.turns[0].paragraphs] == [
        "First line second line", "New paragraph & more — ’s <b>", "spaced out", "one", "two"]


def test_headings_keep_their_levels_as_the_page_uses_them() -> None:
    t = read("<h2>Part one</h2><p>Ann: Hello.</p><p>Bob: Hi.</p><h3>A detail</h3><p>Ann: Yes?</p>"
             "<h2>Part two</h2><p>Bob: Bye.</p>")
    assert [(h.title, h.turn, h.level) for h in t.headings] == [
        ("Part one", 0, 1), ("A detail", 2, 2), ("Part two", 3, 1)]
    assert all("Part" not in turn.text for turn in t.turns)


def test_a_body_wrapped_in_a_furniture_named_element_survives() -> None:
    paragraphs = "".join(f"<p><b>{'Ann' if i % 2 else 'Bob'}:</b> Paragraph number {i} of the interview.</p>"
                         for i in range(8))
    t = read(f'<nav><a href="/">Home</a></nav><div class="layout-with-sidebar header-offset">{paragraphs}</div>'
             '<div class="cookie-banner">We use cookies.</div>')
    assert len(t.turns) == 8 and all(f"Paragraph number {i} of" in t.turns[i].text for i in range(8))
    assert [a.text for a in t.boilerplate] == ["Home", "We use cookies."]


def test_outside_the_article_is_furniture_inside_it_the_body_is_whole() -> None:
    body = "".join(f"<p>Ann: Point {i}, with a <a href='/x'>link</a> in it.</p><p>Bob: Answer {i}.</p>"
                   for i in range(4))
    t = read(f"<div class='top'><p>Some promotional text that is not in the article.</p></div>"
             f"<article>{body}<p><a href='/more'>More interviews from our archive</a></p></article>"
             "<div><p>Another story teaser outside the article, long enough to matter.</p></div>")
    assert speakers(t) == ["Ann", "Bob"] * 4
    assert all("link" in turn.text for turn in t.turns[::2])  # a link inside a paragraph keeps it in the body
    assert {"Some promotional text that is not in the article.", "More interviews from our archive",
            "Another story teaser outside the article, long enough to matter."} <= {a.text for a in t.boilerplate}


def test_bold_that_is_not_a_label() -> None:
    t = read("<p><b>Note:</b> the recording starts late.</p><p>It was a <b>very</b> long day.</p>"
             "<p><b>Important</b></p><p>We met at noon.</p>")
    assert {s.name for s in t.speakers} == {"Unknown speaker"}
    t = read("<p><b>Summary</b></p><p>A short piece.</p><p><b>Background</b></p><p>Some more text.</p>")
    assert {s.name for s in t.speakers} == {"Unknown speaker"}  # bold subheadings, not questions


def test_a_labelled_text_paragraph_among_markup_labels() -> None:
    t = read("<p><b>Ann:</b> Hello?</p><p><b>Bob:</b> Hi.</p><p>Ann: Again?</p><p><b>Bob:</b> Yes.</p>")
    assert speakers(t) == ["Ann", "Bob", "Ann", "Bob"]
    assert t.turns[2].text == "Again?"


def test_hidden_elements_are_not_text() -> None:
    t = read("<p>Shown.</p><p hidden>Hidden one.</p><div style='display: none'>Hidden two.</div>"
             "<template>No.</template>")
    assert "Hidden" not in t.source and "No." not in t.source and "Shown." in said(t)


@pytest.mark.parametrize("data", [b"<!DOCTYPE html>", b"<!DOCTYPE html><html><body>  </body></html>",
                                  b"<!DOCTYPE html><!-- nothing --><script>x()</script>"])
def test_a_page_without_text_is_refused_with_a_reason(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "empty.html"
    path.write_bytes(data)
    with pytest.raises(TranscriptError, match="holds no text"):
        load_transcript(path)


# --- nothing lost, never an error ---------------------------------------------------------------------------

_PIECES = [
    "<p>", "</p>", "<div>", "</div>", "<b>", "</b>", "<strong>", "</strong>", "<em>", "</em>", "<br>", "<pre>",
    "</pre>", "<h2>", "</h2>", "<nav>", "</nav>", "<article>", "</article>", "<a href='x'>", "</a>",
    "<script>", "</script>", "<p class='speaker'>", "<li>", "<ul>", "&nbsp;", "&#xA0;", "&amp;", "&", "<", ">",
    "Ann:", "Bob:", "Q  ", "MR. SMITH:", "Why?", "Yes.", "word", "Interview with Jane Doe", "4:05 P.M. EDT",
    "3 March 2021", " ", "\n", "\n\n", "\t", "<!--", "-->", "<o:p>", "<FONT>", "<tt>", "\r",
    "Q12 ", "Chair:", "Q3 Dr Lee:", "Pregunta.", "Respuesta.", "P.", "R.", "Frage:", "F:", "A:",
]
# NUL bytes make a file binary (refused with a reason before any container reads it), so none are generated.
_pages = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=50).map(
    lambda pieces: "".join(pieces).replace("\x00", ""))


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=_pages, doctype=st.booleans())
def test_any_html_is_read_without_loss(body: str, doctype: bool) -> None:
    data = (("<!DOCTYPE html>" if doctype else "<html><body>") + body).encode("utf-8", "surrogatepass")
    extracted = html_container.extract(data)
    spans = [b.span for b in extracted.blocks] + [b.label_span for b in extracted.blocks if b.label_span]
    assert all(0 <= s <= e <= len(extracted.text) for s, e in spans)
    covered = bytearray(len(extracted.text))
    for s, e in spans:
        covered[s:e] = b"\x01" * (e - s)
    assert "".join(ch for ch, c in zip(extracted.text, covered, strict=True) if not c and not ch.isspace()) == ""
    t = parse_extracted(extracted)
    assert t.warnings == ()  # no layout fell back after an error
    assert problems(t) == []
    assert all(b.kind in BlockKind for b in extracted.blocks)


def test_turns_separated_by_line_breaks_only() -> None:
    t = read("<p><b>Ann:</b> Where were you?<br><b>Bob:</b> At home.<br>All evening.<br><br><b>Ann:</b> Alone?"
             "<br><br><b>Bob:</b> Yes.</p>")
    assert speakers(t) == ["Ann", "Bob", "Ann", "Bob"]
    assert [turn.text for turn in t.turns] == ["Where were you?", "At home. All evening.", "Alone?", "Yes."]


def test_bold_names_without_colons_when_they_recur() -> None:
    t = read("<p><b>ANN LEE</b> Where were you?</p><p><b>BOB RAY</b> At home.</p><p><b>ANN LEE</b> Alone?</p>"
             "<p><b>BOB RAY</b> Yes.</p><p><b>Paris</b> is far.</p>")
    assert speakers(t) == ["Ann Lee", "Bob Ray", "Ann Lee", "Bob Ray"]
    assert t.turns[-1].text == "Yes.\n\nParis is far."  # said once, a bold word is only emphasis


def test_a_label_alone_in_its_own_div() -> None:
    t = read("<div>Hughes:</div><div>I was there in 1962.</div><div>Interviewer:</div><div>And after?</div>"
             "<div>Hughes:</div><div>I left.</div><p>Ingredients:</p><ul><li>flour</li></ul>")
    assert speakers(t) == ["Hughes", "Interviewer", "Hughes"]
    assert t.turns[2].text == "I left.\n\nIngredients:\n\nflour"  # said once, a colon line is no label


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_damaged_pages_are_read_without_loss(data: st.DataObject) -> None:
    """Real page shapes cut, doubled and spliced at random (a truncated download, a bad copy and paste)."""
    page_bytes = (PAGES / data.draw(st.sampled_from(sorted(p.name for p in PAGES.iterdir())))).read_bytes()
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(page_bytes)))
        end = data.draw(st.integers(start, min(len(page_bytes), start + 400)))
        action = data.draw(st.sampled_from(["delete", "duplicate", "insert"]))
        if action == "delete":
            page_bytes = page_bytes[:start] + page_bytes[end:]
        elif action == "duplicate":
            page_bytes = page_bytes[:end] + page_bytes[start:end] + page_bytes[end:]
        else:
            page_bytes = page_bytes[:start] + data.draw(st.sampled_from(_PIECES)).encode() + page_bytes[start:]
    t = parse_extracted(html_container.extract(page_bytes))
    assert not [w for w in t.warnings if "could not read the file as" in w]  # no layout fell back after an error
    assert problems(t) == []


def test_soft_hyphens_are_left_out_so_a_word_reads_and_is_found_whole() -> None:
    body = ("<p><b>Frage:</b> Was plant die Bundes&shy;regierung?</p><p><b>Antwort:</b> Eine Renten&shy;reform.</p>"
            "<p><b>Frage:</b> Wann?</p><p><b>Antwort:</b> Im Früh&shy;jahr.</p>")
    t = parse_extracted(extract(page(body), ".html"))
    assert [turn.text for turn in t.turns] == ["Was plant die Bundesregierung?", "Eine Rentenreform.", "Wann?",
                                               "Im Frühjahr."]
    assert len(search(t, SearchQuery("bundesregierung"))) == 1
    assert_lossless(t)


def test_an_old_page_that_never_closes_its_font_tags_is_read_to_its_end() -> None:
    # Each line opens a <font> inside the last: 3,000 deep, past the depth where libxml2 stops reading.
    body = "".join(f'<font face="Arial"><b>{"Q" if i % 2 == 0 else "A"}:</b> line {i} of the talk<br>'
                   for i in range(3000))
    t = read(body)
    assert t.warnings == ()
    assert len(t.turns) == 3000 and t.turns[-1].text == "line 2999 of the talk"
    assert [s.name for s in t.speakers] == ["Q", "A"]


def test_a_page_nested_too_deep_says_what_is_missing_and_keeps_the_rest() -> None:
    body = ("<p><b>Interviewer:</b> Where did you grow up?</p><p><b>Maria:</b> In Porto.</p>"
            + "<div>" * 3000 + "<p>words in the nesting</p>" + "</div>" * 3000)
    t = parse_extracted(extract(page(body), ".html"))
    (warning,) = t.warnings
    assert warning.startswith("the page could not be read to its end") and warning.endswith("is missing")
    assert "Where did you grow up?" in said(t) and "In Porto." in said(t)


def test_a_print_interview_names_who_is_asked_and_who_asks() -> None:
    """A ministry's page of a newspaper interview: bold questions without labels, the minister named in the lede
    ("Bundesministerin Anna Weber im Interview mit der Rheinischen Post": the newspaper is who asks), and the
    journalist in the credit below ("Die Fragen stellte Martin Seidel."), which is nobody's words."""
    t = load("bundesministerium-interview.html")
    assert speakers(t) == ["Unknown speaker", *["Martin Seidel", "Bundesministerin Anna Weber"] * 5]
    assert t.interviewer is not None and t.interviewer.name == "Martin Seidel"
    assert t.turns[-1].text == "Darüber entscheide ich im Frühjahr."
    assert "Die Fragen stellte Martin Seidel." in {a.text for a in t.boilerplate}
    # Every bold paragraph asks, a statement put to her too ("Der Netzausbau hinkt seit Jahren hinterher.").
    assert [t.turns[e.first_turn].text for e in t.exchanges if e.question is not None][2] == (
        "Der Netzausbau hinkt seit Jahren hinterher.")
    assert len([e for e in t.exchanges if e.question is not None]) == 5


@pytest.mark.parametrize(("title", "credit", "asked", "asker"), [
    ("Entretien avec Claire Morel", "Propos recueillis par Luc Martin", "Claire Morel", "Luc Martin"),
    ("Entrevista con Ana Ruiz", "Entrevista realizada por Pablo Gil.", "Ana Ruiz", "Pablo Gil"),
    ("An interview with Priya Raman", "Interview by Tom Hale and Ann Wu", "Priya Raman", "Interviewer"),
])
def test_print_interviews_name_their_sides_in_other_languages(title: str, credit: str, asked: str,
                                                              asker: str) -> None:
    body = (f"<h1>{title}</h1>" + "".join(f"<p><strong>{q}</strong></p><p>{a}</p>" for q, a in [
        ("Why now?", "Because the law changed in May."), ("And then?", "Then we waited for the court.")])
        + f"<p>{credit}</p>")
    t = read(body)
    assert speakers(t) == [asker, asked] * 2
    assert credit in {a.text for a in t.boilerplate}


@pytest.mark.parametrize(("title", "h1", "expected"), [
    ("Hochwasser in Hallstadt: »Wir haben zu lange gewartet« - DER SPIEGEL", "»Wir haben zu lange gewartet«",
     "Hochwasser in Hallstadt: »Wir haben zu lange gewartet«"),  # a kicker, the headline, the site
    ("‘Softies are the whole business’ | Weekend", "‘Softies are the whole business’",
     "‘Softies are the whole business’"),
    ("Minister Reid: Interview on the budget", "Interview", "Minister Reid: Interview on the budget"),
])
def test_the_page_s_title_leaves_out_its_site_s_name(title: str, h1: str, expected: str) -> None:
    page = f"<html><head><title>{title}</title></head><body><h1>{h1}</h1><p>Host: Why?</p></body></html>"
    assert html_container.page_metadata(html_container.parse_page(page)[0]).title == expected
