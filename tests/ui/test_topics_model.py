"""The table of contents model: a section holding one topic of the same name is one row, which is the topic's row
and stands for the section too; every other section is a row over its topics."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from reader.core.model import Transcript
from reader.core.topics import Section, Topic
from reader.core.topics.edits import apply_section_edits, make_edit
from reader.core.topics.outline import outline
from reader.ui.topics_model import BothLevelsRole, CurrentRole, FirstTurnRole, LevelRole, TopicsModel
from reader.ui.topics_worker import section_rows


def toc(sample: Transcript) -> list[Section]:
    """Three sections: two topics; one topic of the same name; a document's section over a topic named apart."""
    end = len(sample.turns) - 1
    first = (Topic(0, 5, "Seized property", ()), Topic(6, 11, "Expelling diplomats", ()))
    lone = (Topic(12, 21, "G20 dinner", ()),)
    named_apart = (Topic(22, end, "Cybersecurity", ()),)
    return [Section(0, 11, "Diplomatic property", (), "computed", first),
            Section(12, 21, "G20 dinner", (), "computed", lone),
            Section(22, end, "The rest of the interview", (), "document", named_apart)]


@pytest.fixture
def model(qapp: QApplication, sample: Transcript) -> TopicsModel:
    sections = toc(sample)
    rows = outline(sample, [t for s in sections for t in s.topics])
    built = TopicsModel()
    built.set_rows(rows, section_rows(sample, sections, rows))
    return built


def test_a_section_of_one_topic_of_its_name_is_one_row(model: TopicsModel) -> None:
    assert model.rowCount() == 3
    lone = model.index(1, 0)
    assert model.rowCount(lone) == 0  # no identical row under it
    assert model.data(lone, Qt.ItemDataRole.EditRole) == "G20 dinner"
    assert model.data(lone, LevelRole) == "topic" and model.data(lone, BothLevelsRole) is True
    assert model.topic_of(lone) == 2 and model.section_of(lone) == 1
    assert model.topic_index(2) == lone == model.section_index(1)
    assert model.data(lone, FirstTurnRole) == 12
    assert str(model.data(lone, Qt.ItemDataRole.AccessibleTextRole)).startswith("Section and topic G20 dinner")


def test_other_sections_stay_rows_over_their_topics(model: TopicsModel) -> None:
    two = model.index(0, 0)
    assert model.data(two, LevelRole) == "section" and model.data(two, BothLevelsRole) is False
    assert model.rowCount(two) == 2 and model.topic_of(two) == -1
    apart = model.index(2, 0)  # one topic, but named apart from its section: both names are worth a row
    assert model.data(apart, LevelRole) == "section" and model.rowCount(apart) == 1
    child = model.index(0, 0, apart)
    assert model.data(child, Qt.ItemDataRole.EditRole) == "Cybersecurity" and model.topic_of(child) == 3
    assert model.topic_index(3) == child


def test_the_one_row_is_current_for_its_topic_and_its_section(model: TopicsModel) -> None:
    model.set_current(2)
    assert model.current() == 2 and model.current_section() == 1
    lone = model.index(1, 0)
    assert model.data(lone, CurrentRole) is True
    assert model.data(lone, Qt.ItemDataRole.FontRole).bold()
    model.set_current(0)
    assert model.data(lone, CurrentRole) is False
    assert model.data(model.topic_index(0), CurrentRole) is True


def test_the_one_row_model_passes_the_model_tester(qtmodeltester, model: TopicsModel) -> None:  # type: ignore[no-untyped-def]
    model.set_current(2)
    qtmodeltester.check(model)


def test_renaming_the_one_row_renames_the_topic_and_its_section_follows(qtbot: QtBot, model: TopicsModel,
                                                                        sample: Transcript) -> None:
    with qtbot.waitSignal(model.rename_requested) as requested:
        model.setData(model.index(1, 0), "Hamburg summit", Qt.ItemDataRole.EditRole)
    assert requested.args == [12, "Hamburg summit", "topic"]
    edited = apply_section_edits(toc(sample), [make_edit("rename", 12, sample, "Hamburg summit")], sample)
    assert [(s.label, [t.label for t in s.topics]) for s in edited][1] == ("Hamburg summit", ["Hamburg summit"])
    assert edited[1].source == "computed"  # named through its topic, not by the reader at the section level
    rows = outline(sample, [t for s in edited for t in s.topics])
    model.set_rows(rows, section_rows(sample, edited, rows))
    assert model.rowCount(model.index(1, 0)) == 0  # still one row
    assert edited[2].label == "The rest of the interview"  # the document's name is never replaced


def test_a_section_the_reader_named_apart_gets_its_row_back(qtbot: QtBot, model: TopicsModel,
                                                           sample: Transcript) -> None:
    edited = apply_section_edits(toc(sample), [make_edit("rename", 12, sample, "Hamburg", level="section")], sample)
    assert (edited[1].label, edited[1].source, edited[1].topics[0].label) == ("Hamburg", "user", "G20 dinner")
    rows = outline(sample, [t for s in edited for t in s.topics])
    model.set_rows(rows, section_rows(sample, edited, rows))
    section = model.index(1, 0)
    assert model.data(section, LevelRole) == "section" and model.rowCount(section) == 1
