"""The Notes dock's rows: a table model over one transcript's annotations, and the filter and sort on top of it.
The dock shows each row as a card (notes_cards.py), from the `Card` its `CardRole` gives; the columns are the
same facts one by one (for the filter, the tests, and whoever reads the model).

`NotesModel` only translates `TranscriptNotes` into rows and the store's changes into row signals; it never
writes. An edit made in place (note text, tags) is handed out as ``edit_requested`` for the dock to turn into an
undoable command, whose change comes back here through the store like any other.

A row's facts (its quote, speaker, exchange, card) are worked out the first time they are asked for and kept:
the cards ask as they are laid out, a batch at a time from the top, so the dock answers as soon as the notes are
put in order, not after two thousand quotes were read (74 ms, in one step, before it did this).

Signals of `NotesModel`:
    edit_requested(str, object): an annotation id and the changes (a dict) the user typed into a cell.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDateTime,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QColor

from reader.core.notes.annotations import Annotation, Kind, Status, reading_order_key, turn_index_of
from reader.core.notes.export import quote_text
from reader.core.notes.store import Change, ChangeKind, TranscriptNotes
from reader.ui.plain_text import tooltip

KIND, QUOTE, SPEAKER, EXCHANGE, TAGS, STATUS, NOTE, CREATED, MODIFIED = range(9)
HEADERS = ("Kind", "Quote", "Speaker", "Exchange", "Tags", "Status", "Note", "Created", "Modified")
IdRole = Qt.ItemDataRole.UserRole + 1
CardRole = Qt.ItemDataRole.UserRole + 2
DETACHED = "Detached"
SWATCHES = {"yellow": "#f5d547", "green": "#7fd47f", "blue": "#7fb2f0", "pink": "#f29ac4"}
# The stripe of a card that has no colour of its own: bookmarks slate, notes amber, the detached grey.
STRIPES = {Kind.BOOKMARK: "#7d8ca3", Kind.NOTE: "#e39b47", Kind.HIGHLIGHT: SWATCHES["yellow"]}
DETACHED_STRIPE = "#b0b0b0"
KIND_LABELS = {Kind.BOOKMARK: "Bookmark", Kind.HIGHLIGHT: "Highlight", Kind.NOTE: "Note"}

Index = QModelIndex | QPersistentModelIndex


def split_tags(text: str) -> list[str]:
    """Tags as typed in a cell or the note editor: separated by commas."""
    return [t for t in (part.strip() for part in text.split(",")) if t]


def local_time(iso: str) -> str:
    stamp = QDateTime.fromString(iso, Qt.DateFormat.ISODateWithMs)
    return stamp.toLocalTime().toString("yyyy-MM-dd HH:mm") if stamp.isValid() else iso


@dataclass(frozen=True, slots=True)
class Card:
    """What one card shows, as text (hashable: a card's layout is kept by it)."""

    kind: str  # "Highlight"
    stripe: str  # its colour, "#rrggbb"
    exchange: str  # "Q3", or DETACHED
    speaker: str  # the display name, "" when detached
    quote: str  # paragraphs apart by a blank line
    note: str
    tags: tuple[str, ...]
    status: str  # its label, "" for none


@dataclass(frozen=True, slots=True)
class _Row:
    annotation: Annotation
    quote: str  # one line
    speaker_key: str  # "" when detached
    exchange: str  # "Q3", or DETACHED
    turn: int  # -1 when detached
    card: Card


class NotesModel(QAbstractTableModel):
    edit_requested = Signal(str, object)

    SORTS = ("position", "newest", "changed")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._notes: TranscriptNotes | None = None
        self._annotations: list[Annotation] = []  # in the order asked (`set_order`): the filter never sorts
        self._keys: list[tuple[Any, ...]] = []  # the sort key of each, for finding a new row's place
        self._built: dict[str, _Row] = {}  # by annotation id: the rows asked for so far (`row_data`)
        self._order = "position"

    # --- contents ---------------------------------------------------------------------------------------

    def set_notes(self, notes: TranscriptNotes | None) -> None:
        self.beginResetModel()
        self._notes = notes
        # No two keys are equal (the id settles ties), so the annotations themselves are never compared.
        keyed = sorted((self._key(a), a) for a in notes.annotations) if notes is not None else []
        self._keys = [key for key, _ in keyed]
        self._annotations = [a for _, a in keyed]
        self._built.clear()
        self.endResetModel()

    def set_order(self, order: str) -> None:
        """Reading order ("position"), newest first ("newest"), or last changed first ("changed").

        The rows themselves are kept in this order, so that a filter over them never sorts: re-sorting two
        thousand rows in Python at every tick of a tag took longer than the filtering."""
        order = order if order in self.SORTS else "position"
        if order == self._order:
            return
        self.layoutAboutToBeChanged.emit()
        old = {a.id: i for i, a in enumerate(self._annotations)}
        before = self.persistentIndexList()
        self._order = order
        keyed = sorted((self._key(a), a) for a in self._annotations)
        self._keys = [key for key, _ in keyed]
        self._annotations = [a for _, a in keyed]
        moved = {old[a.id]: i for i, a in enumerate(self._annotations)}
        self.changePersistentIndexList(before, [self.index(moved[i.row()], i.column()) for i in before])
        self.layoutChanged.emit()

    def _key(self, a: Annotation) -> tuple[Any, ...]:
        if self._order == "position":
            transcript = self._notes.transcript if self._notes is not None else None
            return reading_order_key(transcript, a)
        stamp = a.created if self._order == "newest" else a.modified
        return (Descending(stamp), Descending(a.id))

    def notes(self) -> TranscriptNotes | None:
        return self._notes

    def annotation(self, row: int) -> Annotation:
        return self._annotations[row]

    def row_of(self, annotation_id: str) -> int:
        return next((i for i, a in enumerate(self._annotations) if a.id == annotation_id), -1)

    def speaker_name(self, key: str) -> str:
        return self._notes.display_name(key) if self._notes is not None and key else ""

    def _row(self, a: Annotation) -> _Row:
        """A row, with the speaker as the reader corrected who speaks (the notes' `attributed` transcript)."""
        transcript = self._notes.attributed  # type: ignore[union-attr]
        index = None if a.detached else turn_index_of(transcript, a.anchor)
        quote = quote_text(transcript if index is not None else None, a.anchor)
        key = transcript.turns[index].speaker if index is not None else ""
        exchange = transcript.exchange_of(index).label if index is not None else DETACHED
        stripe = DETACHED_STRIPE if index is None else SWATCHES.get(a.colour) or STRIPES[a.kind]
        card = Card(KIND_LABELS[a.kind], stripe, exchange, self.speaker_name(key), quote, a.note, a.tags,
                    a.status_text)
        return _Row(a, " ".join(quote.split()), key, exchange, index if index is not None else -1, card)

    @Slot(object)
    def on_notes_changed(self, change: Change) -> None:
        """Follow the store: rows added, changed or removed by id; everything again after a merge."""
        notes = self._notes
        if notes is None:
            return
        if change.kind is ChangeKind.RELOADED:
            self.set_notes(notes)
        elif change.kind in (ChangeKind.SPEAKER_NAMES, ChangeKind.SPEAKER_EDITS) and self._annotations:
            self._built.clear()  # the cards name the speaker too
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._annotations) - 1, len(HEADERS) - 1))
        elif change.kind is ChangeKind.ANNOTATIONS:
            for annotation_id in change.ids:
                self._follow(notes, annotation_id)

    def _follow(self, notes: TranscriptNotes, annotation_id: str) -> None:
        row = self.row_of(annotation_id)
        current = notes.get(annotation_id)
        self._built.pop(annotation_id, None)
        if current is None and row >= 0:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._annotations[row]
            del self._keys[row]
            self.endRemoveRows()
        elif current is not None and row < 0:
            key = self._key(current)
            at = bisect_left(self._keys, key)
            self.beginInsertRows(QModelIndex(), at, at)
            self._annotations.insert(at, current)
            self._keys.insert(at, key)
            self.endInsertRows()
        elif current is not None:
            key = self._key(current)
            others = self._keys[:row] + self._keys[row + 1:]
            at = bisect_left(others, key)
            if at != row:  # its place in the order changed (a note edited, in "last changed first")
                self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), at if at < row else at + 1)
                del self._annotations[row]
                self._annotations.insert(at, current)
                self._keys = others
                self._keys.insert(at, key)
                self.endMoveRows()
                row = at
            self._annotations[row] = current
            self._keys[row] = key
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))

    # --- the model interface ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._annotations)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole and \
                0 <= section < len(HEADERS):
            return HEADERS[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.column() in (TAGS, NOTE) and self._notes is not None and not self._notes.read_only:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._annotations):
            return None
        row = self.row_data(index.row())
        a, column = row.annotation, index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._text(row, column, role == Qt.ItemDataRole.EditRole)
        if role == CardRole:
            return row.card
        if role == Qt.ItemDataRole.ToolTipRole and column == QUOTE:
            return tooltip(row.quote)  # escaped: a quote is never markup
        if role == Qt.ItemDataRole.ToolTipRole and column == NOTE:  # the card's: what it clips, and when
            return tooltip(self._card_tip(row))
        if role == Qt.ItemDataRole.DecorationRole and column == KIND and a.colour in SWATCHES:
            return QColor(SWATCHES[a.colour])
        if role == IdRole:
            return a.id
        return None

    def _card_tip(self, row: _Row) -> str:
        a, card = row.annotation, row.card
        where = " · ".join(p for p in (card.exchange, card.speaker) if p)
        dates = f"Created {local_time(a.created)}" + (
            f", changed {local_time(a.modified)}" if a.modified != a.created else "")
        parts = [f"{card.kind} · {where}", f"“{row.card.quote}”" if row.card.quote else "", a.note,
                 ("Tags: " + ", ".join(a.tags)) if a.tags else "", a.status_text, dates]
        return "\n\n".join(p for p in parts if p)

    def _text(self, row: _Row, column: int, editing: bool) -> str:
        a = row.annotation
        if column == KIND:
            return KIND_LABELS[a.kind]
        if column == QUOTE:
            return row.quote
        if column == SPEAKER:
            return self.speaker_name(row.speaker_key)
        if column == EXCHANGE:
            return row.exchange
        if column == TAGS:
            return ", ".join(a.tags)
        if column == STATUS:
            return a.status.label
        if column == NOTE:
            return a.note if editing else " ".join(a.note.split())
        if column == CREATED:
            return local_time(a.created)
        if column == MODIFIED:
            return local_time(a.modified)
        return ""

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index) & Qt.ItemFlag.ItemIsEditable):
            return False
        a = self._annotations[index.row()]
        text = str(value)
        if index.column() == NOTE and text != a.note:
            self.edit_requested.emit(a.id, {"note": text})
        elif index.column() == TAGS and tuple(split_tags(text)) != a.tags:
            self.edit_requested.emit(a.id, {"tags": split_tags(text)})
        return True

    # --- for the filter --------------------------------------------------------------------------------

    def row_data(self, row: int) -> _Row:
        """The facts of a row, worked out the first time they are asked for and kept until it changes."""
        a = self._annotations[row]
        found = self._built.get(a.id)
        if found is None:
            found = self._built[a.id] = self._row(a)
        return found


class NotesFilter(QSortFilterProxyModel):
    """What the dock's filter row asks for, and its order: reading order, newest first, or last changed first."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        self._tags: frozenset[str] = frozenset()  # casefolded; a row must carry every one
        self._colour = ""
        self._kind: Kind | None = None
        self._detached_only = False
        self._speaker = ""
        self._status: Status | None = None

    def notes_model(self) -> NotesModel:
        return self.sourceModel()  # type: ignore[return-value]

    @contextmanager
    def _filter_change(self) -> Iterator[None]:
        self.beginFilterChange()
        try:
            yield
        finally:
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def set_text(self, text: str) -> None:
        with self._filter_change():
            self._text = " ".join(text.split()).casefold()

    def set_tags(self, tags: Iterable[str]) -> None:
        """Show only the annotations that carry every one of these tags (none: all), ignoring case."""
        wanted = frozenset(t.casefold() for t in tags)
        if wanted == self._tags:  # the dock sets them again whenever its tag list is refilled: no need to refilter
            return
        with self._filter_change():
            self._tags = wanted

    def set_colour(self, colour: str) -> None:
        """Show only the highlights of this colour ("" for every annotation)."""
        with self._filter_change():
            self._colour = colour

    def set_kind(self, kind: str) -> None:
        """A Kind value, "detached", or "" for all."""
        with self._filter_change():
            self._detached_only = kind == "detached"
            self._kind = Kind(kind) if kind and kind != "detached" else None

    def set_speaker(self, key: str) -> None:
        with self._filter_change():
            self._speaker = key

    def set_status(self, status: Status | str | None) -> None:
        """None for all; Status.NONE (or "") for those without a status."""
        with self._filter_change():
            self._status = None if status is None else Status(status)

    def set_sort(self, sort: str) -> None:
        """The order of the rows (see `NotesModel.set_order`): the model's own, which the filter keeps."""
        self.notes_model().set_order(sort)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.notes_model()
        a = model.annotation(source_row)
        if self._kind is not None and a.kind is not self._kind:
            return False
        if self._tags and not self._tags <= {t.casefold() for t in a.tags}:
            return False
        if self._colour and (a.kind is not Kind.HIGHLIGHT or a.colour != self._colour):
            return False
        if self._status is not None and a.status is not self._status:
            return False
        if not (self._detached_only or self._speaker or self._text):
            return True  # the row's facts are not needed: they are worked out when its card is laid out
        row = model.row_data(source_row)
        if self._detached_only and row.turn >= 0:
            return False
        if self._speaker and row.speaker_key != self._speaker:
            return False
        if self._text:
            haystack = " ".join((row.quote, a.note, " ".join(a.tags), model.speaker_name(row.speaker_key),
                                 row.exchange, a.status.label)).casefold()
            return self._text in haystack
        return True


class Descending(str):
    """A string that sorts the other way round: newest first in an ascending sort."""

    __slots__ = ()

    def __lt__(self, other: object) -> bool:
        return str.__gt__(self, other)  # type: ignore[operator]

    def __gt__(self, other: object) -> bool:
        return str.__lt__(self, other)  # type: ignore[operator]

    def __le__(self, other: object) -> bool:
        return str.__ge__(self, other)  # type: ignore[operator]

    def __ge__(self, other: object) -> bool:
        return str.__le__(self, other)  # type: ignore[operator]
