"""The search bar's result list: one row per match with its exchange, speaker and the words around it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QWidget

from reader.core.model import Transcript
from reader.core.search import Match, context

MatchRole = Qt.ItemDataRole.UserRole + 1  # the match as (turn index, start, end)
_Index = QModelIndex | QPersistentModelIndex


class SearchResultsModel(QAbstractListModel):
    """One row per match: exchange, speaker and the words around it. Rows are made when shown, so a
    search with 100,000 matches costs nothing until the list is scrolled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._transcript: Transcript | None = None
        self._matches: Sequence[Match] = ()
        self._names: dict[str, str] = {}

    def set_results(self, transcript: Transcript | None, matches: Sequence[Match], names: dict[str, str]) -> None:
        self.beginResetModel()
        self._transcript, self._matches, self._names = transcript, matches, names
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._matches)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self._transcript is None or not 0 <= index.row() < len(self._matches):
            return None
        match = self._matches[index.row()]
        if role == MatchRole:
            return tuple(match)
        if role == Qt.ItemDataRole.DisplayRole:
            turn = self._transcript.turns[match.turn_index]
            label = self._transcript.exchange_of(match.turn_index).label
            before, hit, after = context(self._transcript, match, 50)
            return f"{label} {self._names.get(turn.speaker, turn.speaker)}: {before}{hit}{after}"
        if role == Qt.ItemDataRole.ToolTipRole:
            return "".join(context(self._transcript, match, 200))
        return None
