"""Web-page scrapes: the header becomes metadata, the page's furniture is set aside, the body is labelled."""

from __future__ import annotations

from pathlib import Path

from reader.core.formats.detect import detect_layout
from reader.core.loader import load_transcript, parse_text
from reader.core.model import AsideKind

LAYOUTS = Path(__file__).parents[1] / "data" / "layouts"


def test_meeting_page() -> None:
    t = load_transcript(LAYOUTS / "webpage-meeting.txt")
    assert t.layout == "webpage"
    meta = t.metadata
    assert (meta.title, meta.date, meta.time, meta.place) == (
        "Meeting with Government members", "2021-05-12", "14:30", "Novo-Ogaryovo, Moscow Region")
    assert [a.text.strip() for a in t.boilerplate] == [
        "President of Russia", "Events", "• en-GB1 ru-RU1", "Share", "Print", "Advanced settings"]
    assert [a.text for a in t.asides if a.kind is AsideKind.HEADER] == [
        "Meeting with Government members", "12 May 202114:30", "Novo-Ogaryovo, Moscow Region"]


def test_lead_paragraph_is_text_not_furniture() -> None:
    t = load_transcript(LAYOUTS / "webpage-meeting.txt")
    assert t.speaker(t.turns[0]).label == "Unknown speaker"
    assert t.turns[0].text.startswith("Vladimir Putin held a meeting, via videoconference")
    assert [t.speaker(turn).label for turn in t.turns[1:]] == ["Vladimir Putin", "Mikhail Murashko"] * 2 + [
        "Vladimir Putin"]
    assert t.turns[1].text == ("Good afternoon, colleagues.\n\nWe have a lot to discuss today: first, the progress "
                               "of the vaccination campaign.")
    assert t.turns[-1].text == "Good. Let us move on."


def test_same_body_without_the_page_is_labelled() -> None:
    page = (LAYOUTS / "webpage-meeting.txt").read_text(encoding="utf-8")
    body = page[page.index("Vladimir Putin:") : page.index("Share")]
    assert detect_layout(page) == "webpage"
    assert detect_layout(body) == "labelled"
    assert [turn.text for turn in parse_text(body).turns] == [
        turn.text for turn in load_transcript(LAYOUTS / "webpage-meeting.txt").turns[1:]]


def test_last_answer_ending_without_a_full_stop_is_not_furniture() -> None:
    text = ("News\n\n3 March 201909:15\n\nInterview with the mayor of Ghent, Ghent, March 3, 2019\n\n"
            "Question: What is next for the harbour?\n\nMayor: We will see —\n\nQuestion: Really?\n\n"
            "Mayor: A new lock, a bigger one, and a new bridge\n\nPrint\n")
    t = parse_text(text)
    assert t.layout == "webpage"
    assert (t.metadata.place, t.metadata.date, t.metadata.time) == ("Ghent", "2019-03-03", "09:15")
    assert t.turns[-1].text == "A new lock, a bigger one, and a new bridge"
    assert [a.text for a in t.boilerplate] == ["News", "Print"]


def test_title_before_the_date_line() -> None:
    text = ("Interview with the mayor of Ghent, Ghent, March 3, 2019\n\nNews\n\n3 March 201909:15\n\n"
            "Question: What is next?\n\nMayor: A new lock.\n\nQuestion: When?\n\nMayor: Next year.\n")
    t = parse_text(text)
    assert t.layout == "webpage"
    assert (t.metadata.date, t.metadata.time, t.metadata.place) == ("2019-03-03", "09:15", "Ghent")


def test_a_government_page_s_furniture_is_set_aside_whatever_the_site() -> None:
    """A press conference copied from a government site: the skip link, the cookie banner, the menu and the
    breadcrumb above it, the share and feedback links, the licence and the copyright below it are the page's,
    set aside; the title is the page's headline, not its skip link; the text starts at the page's summary."""
    t = load_transcript(LAYOUTS / "webpage-gov-press-conference.txt")
    assert t.layout == "webpage"
    assert t.metadata.title == "Transport Secretary's press conference on winter rail disruption: 9 December 2025"
    furniture = [a.text for a in t.boilerplate]
    assert {"Skip to main content", "We use some essential cookies to make this website work.", "Menu",
            "Is this page useful?", "© Crown copyright"} <= set(furniture)
    assert "All content is available under the Open Government Licence v3.0, except where otherwise stated" \
        in furniture
    assert t.turns[0].text.startswith("Transcript of the Transport Secretary's press conference in Leeds")
    assert t.turns[-1].text == "Thank you, everyone. That is all we have time for."
    assert not any("cookies" in turn.text or "Crown copyright" in turn.text for turn in t.turns)


def test_a_page_s_contacts_are_no_speaker() -> None:
    """A government page closes on its contacts, one line of them shaped like a label (`Public Inquiries:`):
    they are the page's, and nobody in the speaker list."""
    page = (LAYOUTS / "webpage-gov-press-conference.txt").read_text(encoding="utf-8")
    page = page.replace("Share this page\n", "Contacts\n\nMedia Relations, Department for Transport\n"
                        "020 7944 3021\n\nPublic Inquiries: 0300 330 3000\n\nShare this page\n")
    t = parse_text(page)
    assert "public inquiries" not in {s.key for s in t.speakers}
    assert t.turns[-1].text == "Thank you, everyone. That is all we have time for."
    assert "Public Inquiries: 0300 330 3000" in [a.text for a in t.boilerplate]
