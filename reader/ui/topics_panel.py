"""The topics dock: the transcript's table of contents as a tree of sections holding their topics, following
the reading position, correctable by the reader at both levels.

Sections and topics are computed off the GUI thread (`TopicsWorker`); the reader's corrections are a list of
edits (`reader.core.topics.edits`) kept with the transcript's notes. The panel never changes the notes itself:
it asks for a new list of edits with `edits_requested`, which becomes an undoable `TopicEditsCommand` on the
session; the notes' change brings the list back and the outline is rebuilt. The edit commands act on the
chosen row's level: a section row renames, merges or splits sections, a topic row topics. A click on a row
takes the reader there through the navigator.

Signals of `TopicsPanel`:
    topic_activated(int): the first turn of the topic or section the reader clicked
    current_topic_changed(str): "section › topic" at the reading position ("" for none)
    edits_requested(object, str): the whole new list of edits, and what the change is called ("Rename topic")
    topics_ready(int): a new outline is shown, with this many topics
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, QSize, Qt, Signal, Slot
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractItemView, QInputDialog, QLabel, QMenu, QTreeView, QVBoxLayout, QWidget

from reader.core.model import Transcript
from reader.core.notes.store import Change
from reader.core.topics import Section, Topic
from reader.core.topics.edits import TopicEdit, make_edit
from reader.core.topics.outline import OutlineRow
from reader.ui.navigation import Navigator
from reader.ui.operations.topics import TopicEditsCommand
from reader.ui.session import ReaderSession
from reader.ui.topics_delegate import TopicDelegate
from reader.ui.topics_model import FirstTurnRole, LevelRole, SectionRow, TopicsModel
from reader.ui.topics_worker import TopicsWorker

FINDING = "Finding topics…"  # the status while the topics are worked out


class TopicsPanel(QWidget):
    topic_activated = Signal(int)
    current_topic_changed = Signal(str)
    edits_requested = Signal(object, str)
    topics_ready = Signal(int)

    def __init__(self, session: ReaderSession, navigator: Navigator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._navigator = navigator
        self.model = TopicsModel(self)
        self.tree = QTreeView(self)
        self.tree.setObjectName("topics-tree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setItemDelegate(TopicDelegate(self.tree))
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.EditKeyPressed
                                  | QAbstractItemView.EditTrigger.SelectedClicked)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setIndentation(14)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.status = QLabel("No transcript", self)
        self.status.setContentsMargins(6, 2, 6, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.tree)
        layout.addWidget(self.status)

        self.rename_action = self._menu_action("Rename", self.rename_selected)
        self.merge_action = self._menu_action("Merge with Next", self.merge_selected_with_next)
        self.split_action = self._menu_action("Split at Reading Position", self.split_at_reading_position)
        self.add_action = self._menu_action("Add Topic at Reading Position…", self.add_at_reading_position)
        self.add_section_action = self._menu_action("Add Section at Reading Position…",
                                                    self.add_section_at_reading_position)
        self.reset_action = self._menu_action("Reset Topics", self.reset_edits)
        self.menu = QMenu(self)
        self.menu.addActions([self.rename_action, self.merge_action, self.split_action, self.add_action,
                              self.add_section_action])
        self.menu.addSeparator()
        self.menu.addAction(self.reset_action)

        self.transcript: Transcript | None = None
        self._automatic: list[Section] | None = None
        self._edits: list[TopicEdit] = []
        self._reading_turn = -1
        self._waiting = False  # a transcript is set, and its topics wait for start_finding
        self._worker = TopicsWorker(self, session.term_tables)
        self._worker.finished.connect(self._on_worker_finished)
        self._worker.failed.connect(self._on_worker_failed)
        self.model.rename_requested.connect(self.rename)
        self.tree.clicked.connect(self._on_tree_clicked)
        self.tree.activated.connect(self._on_tree_clicked)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.topic_activated.connect(self._on_topic_activated)
        self.edits_requested.connect(self._on_edits_requested)
        session.follow(self._on_session_opened)
        session.notes_changed.connect(self._on_session_notes_changed)

    def _menu_action(self, text: str, slot: Callable[[], None]) -> QAction:
        action = QAction(text, self)
        action.triggered.connect(slot)
        return action

    def sizeHint(self) -> QSize:
        return QSize(300, 320)

    # --- what it shows ----------------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript | None, edits: list[TopicEdit] | None = None, *,
                       start: bool = True) -> None:
        """Show a transcript's topics (computed in the background) with the reader's edits. With `start` False
        the work waits for `start_finding`: in the window, until the text is on screen."""
        self.transcript, self._automatic, self._edits = transcript, None, list(edits or [])
        self._reading_turn = -1
        self._waiting = False
        self.model.set_rows([])
        if transcript is None or not transcript.turns:
            self.status.setText("No transcript" if transcript is None else "No turns")
            return
        self.status.setText(FINDING)
        self._waiting = True
        if start:
            self.start_finding()

    def wait_for_whole(self) -> None:
        """A large file's opening is shown while the rest is read: its topics come with the whole."""
        self.status.setText("Topics come once the whole file is read")

    @Slot()
    def start_finding(self) -> None:
        """Start finding the topics of the transcript set without starting them (once; later calls do nothing)."""
        if self._waiting and self.transcript is not None:
            self._waiting = False
            self._worker.request(self.transcript, None, self._edits)

    def cancel_finding(self) -> None:
        """Stop the background work (the window is closing): a job computing goes on to its end, unheard, and
        nothing waits for it."""
        self._waiting = False
        self._worker.cancel()

    def set_edits(self, edits: list[TopicEdit]) -> None:
        """The reader's edits changed (here, by undo, or in another window): rebuild the outline."""
        self._edits = list(edits)
        if self.transcript is not None and self.transcript.turns and not self._waiting:
            self._worker.request(self.transcript, self._automatic, self._edits)

    @property
    def edits(self) -> list[TopicEdit]:
        return list(self._edits)

    def topics(self) -> list[Topic]:
        return [row.topic for row in self.model.rows()]

    def sections(self) -> list[Section]:
        return [row.section for row in self.model.sections()]

    @Slot(int)
    def set_current_turn(self, turn: int) -> None:
        """Highlight the topic and the section at the reading position."""
        self._reading_turn = turn
        row = self.model.row_of_turn(turn)
        section = self.model.section_of_turn(self.model.rows()[row].topic.first_turn) if row >= 0 else -1
        if row != self.model.current() or section != self.model.current_section():
            self.model.set_current(row)
            self.current_topic_changed.emit(self.reading_position_text())
            self._choose_current_row(row)

    def _choose_current_row(self, row: int) -> None:
        """The chosen row follows the reading position, so the dock shows one current row, not a row clicked
        long ago beside the bold one. A section row chosen stays while the reading stays in its section."""
        if row < 0 or self.tree.state() == QAbstractItemView.State.EditingState:
            return
        chosen = self.tree.currentIndex()
        if chosen.isValid() and chosen.data(LevelRole) == "section" and \
                self.model.section_of(chosen) == self.model.current_section():
            return
        self.tree.selectionModel().setCurrentIndex(self.model.topic_index(row),
                                                   QItemSelectionModel.SelectionFlag.ClearAndSelect)

    def reading_position_text(self) -> str:
        """Both levels at the reading position, as the status bar names them: "Section › Topic" (one name when
        the section holds only that topic, or both have one label)."""
        row = self.model.current()
        if row < 0:
            return ""
        topic = self.model.rows()[row].topic.label
        section = self.model.current_section()
        if section < 0:
            return topic
        name = self.model.sections()[section].section.label
        return topic if name == topic else f"{name} › {topic}"

    @Slot()
    def next_topic(self) -> None:
        self._step(1)

    @Slot()
    def previous_topic(self) -> None:
        self._step(-1)

    @Slot()
    def next_section(self) -> None:
        self._step_section(1)

    @Slot()
    def previous_section(self) -> None:
        self._step_section(-1)

    def _step(self, direction: int) -> None:
        rows = self.model.rows()
        row = self.model.current()
        if not rows or row < 0:
            return
        if direction < 0 and self._reading_turn > rows[row].topic.first_turn:
            target = row  # back to the start of this topic first, as a media player's "previous" does
        else:
            target = max(0, min(len(rows) - 1, row + direction))
        self.tree.setCurrentIndex(self.model.topic_index(target))
        self.topic_activated.emit(rows[target].topic.first_turn)

    def _step_section(self, direction: int) -> None:
        sections = self.model.sections()
        at = self.model.current_section()
        if not sections or at < 0:
            return
        if direction < 0 and self._reading_turn > sections[at].section.first_turn:
            target = at
        else:
            target = max(0, min(len(sections) - 1, at + direction))
        self.tree.setCurrentIndex(self.model.section_index(target))
        self.topic_activated.emit(sections[target].section.first_turn)

    def current_topic(self) -> Topic | None:
        row = self.model.current()
        return self.model.rows()[row].topic if row >= 0 else None

    @Slot(int, object, object, object)
    def _on_worker_finished(self, generation: int, automatic: list[Section], rows: list[OutlineRow],
                            tree: list[SectionRow]) -> None:
        if generation != self._worker.generation:
            return  # a newer transcript or newer edits are on their way
        self._automatic = automatic
        selected = self.tree.currentIndex()
        first = selected.data(FirstTurnRole) if selected.isValid() else None
        level = selected.data(LevelRole) if selected.isValid() else None
        self.model.set_rows(rows, tree)
        self.tree.expandAll()
        edited = sum(not r.topic.auto for r in rows) + sum(not s.section.auto or s.section.source == "user"
                                                           for s in tree)
        topics = f"{len(rows)} topic" + ("" if len(rows) == 1 else "s")
        sections = f"{len(tree)} section" + ("" if len(tree) == 1 else "s")
        self.status.setText(f"{topics} in {sections}" + (f", {edited} edited" if edited else ""))
        if isinstance(first, int):
            index = (self.model.section_index(self.model.section_of_turn(first)) if level == "section"
                     else self.model.topic_index(self.model.row_of_turn(first)))
            self.tree.setCurrentIndex(index)
        turn, self._reading_turn = self._reading_turn, -2
        self.model.set_current(-1)
        self.set_current_turn(turn)
        self.topics_ready.emit(len(rows))

    @Slot(int, str)
    def _on_worker_failed(self, generation: int, message: str) -> None:
        if generation == self._worker.generation:
            self.status.setText(f"Topics not found ({message})")

    # --- what the reader does ---------------------------------------------------------------------------

    def _selected_topic(self) -> int:
        """The topic of the chosen row (-1 for none or a section row)."""
        return self.model.topic_of(self.tree.currentIndex())

    def _selected_section(self) -> int:
        """The section of the chosen row when it is a section row, else -1."""
        index = self.tree.currentIndex()
        return self.model.section_of(index) if index.isValid() and index.data(LevelRole) == "section" else -1

    def _request(self, edit: TopicEdit, text: str) -> None:
        self.edits_requested.emit([*self._edits, edit], text)

    @Slot(QModelIndex)
    def _on_tree_clicked(self, index: QModelIndex) -> None:
        first = index.data(FirstTurnRole) if index.isValid() else None
        if isinstance(first, int):
            self.topic_activated.emit(first)

    @Slot(int, str, str)
    def rename(self, first_turn: int, label: str, level: str) -> None:
        """Rename the section or the topic (`level`) that begins at `first_turn`: in the tree, or where the reading
        view paints its title."""
        self._request(make_edit("rename", first_turn, self.transcript, label, level),
                      f"Rename {level} to “{label}”")

    @Slot()
    def rename_selected(self) -> None:
        index = self.tree.currentIndex()
        if index.isValid():
            self.tree.edit(index)

    @Slot()
    def rename_current(self) -> None:
        """The topic at the reading position, edited in place."""
        if self.model.current() >= 0:
            self.tree.setCurrentIndex(self.model.topic_index(self.model.current()))
            self.rename_selected()

    @Slot()
    def merge_selected_with_next(self) -> None:
        section = self._selected_section()
        if section >= 0:
            self._merge_section(section)
        else:
            self._merge_row(self._selected_topic())

    @Slot()
    def merge_current_with_next(self) -> None:
        self._merge_row(self.model.current())

    def _merge_row(self, row: int) -> None:
        rows = self.model.rows()
        if 0 <= row < len(rows) - 1:
            self._request(make_edit("merge", rows[row + 1].topic.first_turn, self.transcript),
                          f"Merge “{rows[row].topic.label}” with the next topic")

    def _merge_section(self, at: int) -> None:
        sections = self.model.sections()
        if 0 <= at < len(sections) - 1:
            self._request(make_edit("merge", sections[at + 1].section.first_turn, self.transcript, level="section"),
                          f"Merge “{sections[at].section.label}” with the next section")

    def _reading_question(self) -> int | None:
        """The first turn of the exchange at the reading position: topics start with a question."""
        if self.transcript is None or not 0 <= self._reading_turn < len(self.transcript.turns):
            return None
        return self.transcript.exchange_of(self._reading_turn).first_turn

    @Slot()
    def split_at_reading_position(self) -> None:
        turn = self._reading_question()
        if self._selected_section() >= 0:
            if turn is None or turn in {s.first_turn for s in self.sections()}:
                self.status.setText("A section already starts here" if turn is not None else "No reading position")
                return
            self._request(make_edit("split", turn, self.transcript, level="section"), "Split section")
            return
        if turn is None or turn in {t.first_turn for t in self.topics()}:
            self.status.setText("A topic already starts here" if turn is not None else "No reading position")
            return
        self._request(make_edit("split", turn, self.transcript), "Split topic")

    @Slot()
    def split_section_at_reading_position(self) -> None:
        turn = self._reading_question()
        if turn is None or turn in {s.first_turn for s in self.sections()}:
            self.status.setText("A section already starts here" if turn is not None else "No reading position")
            return
        self._request(make_edit("split", turn, self.transcript, level="section"), "Split section")

    @Slot()
    def add_at_reading_position(self) -> None:
        turn = self._reading_question()
        if turn is None:
            self.status.setText("No reading position")
            return
        label, ok = QInputDialog.getText(self, "Add Topic", "Name of the topic starting here:")
        if ok and label.strip():
            self.add_topic(turn, label.strip())

    def add_topic(self, turn: int, label: str) -> None:
        self._request(make_edit("add", turn, self.transcript, label), f"Add topic “{label}”")

    @Slot()
    def add_section_at_reading_position(self) -> None:
        turn = self._reading_question()
        if turn is None:
            self.status.setText("No reading position")
            return
        label, ok = QInputDialog.getText(self, "Add Section", "Name of the section starting here:")
        if ok and label.strip():
            self.add_section(turn, label.strip())

    def add_section(self, turn: int, label: str) -> None:
        self._request(make_edit("add", turn, self.transcript, label, level="section"), f"Add section “{label}”")

    @Slot()
    def reset_edits(self) -> None:
        if self._edits:
            self.edits_requested.emit([], "Reset topics")

    @Slot(QPoint)
    def _on_context_menu(self, point: QPoint) -> None:
        index = self.tree.indexAt(point)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        topic, section = self._selected_topic(), self._selected_section()
        level = "Section" if section >= 0 else "Topic"
        self.rename_action.setEnabled(topic >= 0 or section >= 0)
        self.merge_action.setText(f"Merge {level} with Next" if section >= 0 else "Merge with Next")
        self.merge_action.setEnabled(0 <= topic < len(self.model.rows()) - 1
                                     or 0 <= section < len(self.model.sections()) - 1)
        self.split_action.setText("Split Section at Reading Position" if section >= 0 else "Split at Reading Position")
        self.split_action.setEnabled(self._reading_question() is not None)
        self.add_action.setEnabled(self._reading_question() is not None)
        self.add_section_action.setEnabled(self._reading_question() is not None)
        self.reset_action.setEnabled(bool(self._edits))
        self.menu.popup(self.tree.viewport().mapToGlobal(point))

    # --- following the session -------------------------------------------------------------------------

    @Slot(object)
    def _on_session_opened(self, transcript: Transcript) -> None:
        notes = self._session.notes
        # The worker shares the interpreter lock with the window: started with the transcript, it slowed the
        # window's first paint five to eight times over; the window calls `start_finding` once the text is shown.
        self.set_transcript(transcript, notes.topic_edits if notes is not None else [], start=False)
        self.set_current_turn(self._navigator.current_turn())

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        notes = self._session.notes
        if change.topic_edits and notes is not None and notes.topic_edits != self._edits:
            self.set_edits(notes.topic_edits)

    @Slot(int)
    def _on_topic_activated(self, first_turn: int) -> None:
        self._navigator.go_to_turn(first_turn)

    @Slot(object, str)
    def _on_edits_requested(self, edits: list[TopicEdit], text: str) -> None:
        notes = self._session.writable("These notes are read-only; the topics were not changed.")
        if notes is not None:
            self._session.push(TopicEditsCommand(notes, edits, text))
