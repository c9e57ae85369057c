"""The table of contents as a tree model: sections at the top level, each holding its topics, every row with its
label over its span and share ("Q3-Q5 · 12%").

Without sections (`set_rows` alone) the topics are the top level, as a flat list. A section that holds a single
topic under the same label is one row, not a section row over an identical topic row: that row is the topic's
(the edits it offers act on the topic, and renaming the topic renames such a section with it, see
`reader.core.topics.edits`), and it also stands for the section (`section_index`, the reading position). The
model only adapts
`reader.core.topics` sections and outline rows; it never changes one itself. An in-place rename is reported
through `rename_requested` so the panel can make it an undoable edit kept with the notes.

Signals:
    rename_requested(int, str, str): first turn of the row, the label the reader typed, "topic" or "section"
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from PySide6.QtCore import QAbstractItemModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QFont

from reader.core.topics import Section, Topic
from reader.core.topics.outline import OutlineRow
from reader.ui.plain_text import tooltip

Index = QModelIndex | QPersistentModelIndex

FirstTurnRole = Qt.ItemDataRole.UserRole + 1
SpanRole = Qt.ItemDataRole.UserRole + 2
ShareRole = Qt.ItemDataRole.UserRole + 3
CurrentRole = Qt.ItemDataRole.UserRole + 4  # True for the topic (and its section) at the reading position
LevelRole = Qt.ItemDataRole.UserRole + 5  # "section" or "topic" (a one-topic section's row is "topic")
BothLevelsRole = Qt.ItemDataRole.UserRole + 6  # True for the one row of a section and its only topic

_TOP = 0  # internal id of a top-level row; a topic inside section s has id s + 1


@dataclass(frozen=True, slots=True)
class SectionRow:
    section: Section
    span: str
    share: float
    first: int  # index of its first topic among all the topics
    count: int  # how many topics it holds

    def holds_one(self, rows: list[OutlineRow]) -> bool:
        """Whether it holds one topic of the same name: the tree shows the two as one row."""
        return self.count == 1 and rows[self.first].topic.label == self.section.label


class TopicsModel(QAbstractItemModel):
    rename_requested = Signal(int, str, str)

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._rows: list[OutlineRow] = []
        self._sections: list[SectionRow] = []
        self._starts: list[int] = []
        self._section_starts: list[int] = []
        self._one_row: list[bool] = []  # per section: shown as one row with its only topic
        self._current = -1
        self._current_section = -1

    def set_rows(self, rows: list[OutlineRow], sections: list[SectionRow] | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sections = list(sections or [])
        self._starts = [r.topic.first_turn for r in self._rows]
        self._section_starts = [s.section.first_turn for s in self._sections]
        self._one_row = [s.holds_one(self._rows) for s in self._sections]
        self._current = self._current_section = -1
        self.endResetModel()

    def rows(self) -> list[OutlineRow]:
        """Every topic, in order."""
        return list(self._rows)

    def sections(self) -> list[SectionRow]:
        return list(self._sections)

    def row_of_turn(self, turn: int) -> int:
        """The topic holding `turn` (an index into `rows()`), or -1 with no topics (called on every scroll)."""
        if not self._rows or turn < 0:
            return -1
        return max(0, bisect.bisect_right(self._starts, turn) - 1)

    def section_of_turn(self, turn: int) -> int:
        if not self._sections or turn < 0:
            return -1
        return max(0, bisect.bisect_right(self._section_starts, turn) - 1)

    def topic_index(self, topic: int) -> QModelIndex:
        """The model index of the topic `rows()[topic]`, under its section when there are sections."""
        if not 0 <= topic < len(self._rows):
            return QModelIndex()
        if not self._sections:
            return self.index(topic, 0)
        s = self.section_of_turn(self._starts[topic])
        if self._one_row[s]:
            return self.index(s, 0)
        return self.index(topic - self._sections[s].first, 0, self.index(s, 0))

    def section_index(self, section: int) -> QModelIndex:
        return self.index(section, 0) if self._sections and 0 <= section < len(self._sections) else QModelIndex()

    def topic_of(self, index: Index) -> int:
        """The topic a topic row shows (an index into `rows()`), or -1 for a section row."""
        if not index.isValid():
            return -1
        if not self._sections:
            return index.row()
        parent = index.internalId()
        if parent == _TOP:
            return self._sections[index.row()].first if self._one_row[index.row()] else -1
        return self._sections[parent - 1].first + index.row()

    def section_of(self, index: Index) -> int:
        """The section a row shows or lies in, or -1 without sections."""
        if not index.isValid() or not self._sections:
            return -1
        parent = index.internalId()
        return index.row() if parent == _TOP else parent - 1

    def set_current(self, row: int) -> None:
        """Mark the topic at the reading position (and its section)."""
        section = self.section_of_turn(self._starts[row]) if 0 <= row < len(self._rows) else -1
        changed = [self.topic_index(r) for r in {self._current, row} if 0 <= r < len(self._rows)]
        changed += [self.section_index(s) for s in {self._current_section, section} if s >= 0]
        if row == self._current and section == self._current_section:
            return
        self._current, self._current_section = row, section
        for index in changed:
            if index.isValid():
                self.dataChanged.emit(index, index, [Qt.ItemDataRole.FontRole, CurrentRole])

    def current(self) -> int:
        return self._current

    def current_section(self) -> int:
        return self._current_section

    # --- QAbstractItemModel -----------------------------------------------------------------------------

    def index(self, row: int, column: int = 0, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column != 0 or row < 0 or row >= self.rowCount(parent):
            return QModelIndex()
        if not parent.isValid():
            return self.createIndex(row, 0, _TOP)
        return self.createIndex(row, 0, parent.row() + 1)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid() or index.internalId() == _TOP:
            return QModelIndex()
        return self.createIndex(index.internalId() - 1, 0, _TOP)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if not parent.isValid():
            return len(self._sections) if self._sections else len(self._rows)
        if parent.column() != 0 or parent.internalId() != _TOP or not self._sections:
            return 0
        if not 0 <= parent.row() < len(self._sections) or self._one_row[parent.row()]:
            return 0
        return self._sections[parent.row()].count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 1

    def hasChildren(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return self.rowCount(parent) > 0

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        topic = self.topic_of(index)
        item: Topic | Section
        both = bool(self._sections) and index.internalId() == _TOP and self._one_row[index.row()]
        if topic >= 0:
            row = self._rows[topic]
            item, span, share, level, current = row.topic, row.span, row.share, "topic", topic == self._current
            edited = not item.auto
            if both:
                srow = self._sections[index.row()]
                edited = edited or not srow.section.auto or srow.section.source == "user"
        else:
            srow = self._sections[index.row()]
            item, span, share, level = srow.section, srow.span, srow.share, "section"
            current = index.row() == self._current_section
            edited = not srow.section.auto or srow.section.source == "user"
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{item.label}\n{span} · {share:.0%}"
        if role == Qt.ItemDataRole.EditRole:
            return item.label
        if role == Qt.ItemDataRole.ToolTipRole:
            note = "\nEdited by you" if edited else ""
            if (level == "section" or both) and srow.section.source == "document":
                note += "\nA section of the document"
            if both:
                note += "\nA section of this one topic"
            keywords = ", ".join(item.keywords)
            return tooltip(f"{item.label}\n{span}, {share:.0%} of the words\nKeywords: {keywords}{note}")
        if role == Qt.ItemDataRole.FontRole:
            font = QFont()
            font.setBold(current)
            font.setItalic(edited)
            return font
        if role == Qt.ItemDataRole.AccessibleTextRole:
            kind = "Section and topic" if both else "Section" if level == "section" else "Topic"
            return f"{kind} {item.label}, {span}, {share:.0%}"
        return {FirstTurnRole: item.first_turn, SpanRole: span, ShareRole: share, CurrentRole: current,
                LevelRole: level, BothLevelsRole: bool(both)}.get(role)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: Index, value: object, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        label = str(value).strip()
        if not label or label == self.data(index, Qt.ItemDataRole.EditRole):
            return False
        # The row changes when the edit comes back from the notes store, as a new outline.
        self.rename_requested.emit(int(self.data(index, FirstTurnRole)), label,  # type: ignore[call-overload]
                                   str(self.data(index, LevelRole)))
        return True

    def roleNames(self) -> dict[int, QByteArray]:
        names = super().roleNames()
        names.update({role: QByteArray(name) for role, name in ((FirstTurnRole, b"firstTurn"), (SpanRole, b"span"),
                                                                (ShareRole, b"share"), (CurrentRole, b"current"),
                                                                (LevelRole, b"level"),
                                                                (BothLevelsRole, b"bothLevels"))})
        return names
