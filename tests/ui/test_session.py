"""The reading session on its own: what it tells the parts when a transcript opens and its notes change, that a
change is written soon after, that notes left behind stop talking, and that read-only notes are refused aloud."""

from __future__ import annotations

import json

from pytestqt.qtbot import QtBot

from reader.core.loader import parse_text
from reader.core.model import Transcript
from reader.core.notes.annotations import Kind, new_annotation, turn_anchor
from reader.core.notes.store import Change, ChangeKind
from reader.ui.session import ReaderSession

OTHER = "Host: Where were you?\n\nGuest: At home, all evening.\n"


def test_opening_tells_the_parts_once_the_notes_are_there(qtbot: QtBot, session: ReaderSession,
                                                          sample: Transcript) -> None:
    seen: list[tuple[Transcript, bool]] = []
    session.opened.connect(lambda t: seen.append((t, session.notes is not None and session.notes.transcript is t)))
    session.open(sample)
    assert seen == [(sample, True)] and session.transcript is sample


def test_a_part_that_follows_after_the_opening_is_told_of_it_by_catch_up(session: ReaderSession,
                                                                        sample: Transcript) -> None:
    seen: list[str] = []
    session.follow(lambda t: seen.append(f"early {t is sample}"))
    session.open(sample)
    session.follow(lambda t: seen.append(f"late {t is sample}"))
    session.follow(lambda t: seen.append(f"later {t is sample}"))
    assert seen == ["early True"]  # a late follower is told when every part of its stage is made
    session.catch_up()
    session.catch_up()  # once
    assert seen == ["early True", "late True", "later True"]
    other = parse_text(OTHER)
    session.open(other)  # the next transcript: every follower hears it once, from `opened`
    session.catch_up()
    assert seen[3:] == ["early False", "late False", "later False"]


def test_a_change_is_relayed_and_written_soon_after(qtbot: QtBot, session: ReaderSession, sample: Transcript) -> None:
    session.open(sample)
    notes = session.notes
    assert notes is not None
    with qtbot.waitSignal(session.notes_changed) as changed:
        notes.add(new_annotation(Kind.BOOKMARK, turn_anchor(sample, 3)))
    assert isinstance(changed.args[0], Change) and changed.args[0].kind is ChangeKind.ANNOTATIONS
    qtbot.waitUntil(lambda: notes.file.exists(), timeout=3000)
    assert len(json.loads(notes.file.read_text("utf-8"))["annotations"]) == 1


def test_the_notes_of_a_transcript_left_behind_no_longer_reach_the_parts(session: ReaderSession,
                                                                         sample: Transcript) -> None:
    session.open(sample)
    first = session.notes
    assert first is not None
    session.open(parse_text(OTHER))
    heard: list[Change] = []
    session.notes_changed.connect(heard.append)
    first.add(new_annotation(Kind.BOOKMARK, turn_anchor(sample, 3)))  # as a stale reference might
    assert heard == []


def test_read_only_notes_are_refused_with_the_reason(qtbot: QtBot, session: ReaderSession, sample: Transcript) -> None:
    session.open(sample)
    assert session.writable() is session.notes
    assert session.notes is not None
    session.notes.read_only = True
    with qtbot.waitSignal(session.status_message) as told:
        assert session.writable("These notes are read-only; the name was not changed.") is None
    assert told.args[0] == "These notes are read-only; the name was not changed."
