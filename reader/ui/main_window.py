"""The main window: the reading view in the centre, menus built from the action registry, docks, status bar.

It makes the parts, docks them, binds the commands to them and connects their signals; it holds no feature
logic. The open transcript, its notes, the undo stack and saving are the session's (`session`); opening files is
`window_files`, the look of the text `appearance`, the status bar's position `reading_status`, the annotation
commands `annotation_actions`.

A window is made in two stages when `staged` (the reader's own start): first what the first picture of the text
shows (the view in its theme, the strip above it, the status bar, the menu bar's titles, the docks' frames),
then, once the text is on screen, everything else (`complete`: the menus' commands, the panels in the docks,
search, the player). Whatever asks for a part of the second stage before then (a key, a click or a drop on the
text, a menu opened, a script) completes the window first. A window that is not staged is complete when made.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, overload

from PySide6.QtCore import QEvent, QObject, QPoint, QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QGuiApplication, QShowEvent
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow, QVBoxLayout, QWidget

from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore, Change
from reader.ui.actions import CARET_HELP, MENUS, ActionId, ActionRegistry, Choice
from reader.ui.appearance import Appearance
from reader.ui.elided_label import ElidedLabel
from reader.ui.preferences import Preferences
from reader.ui.reading_status import ReadingStatus
from reader.ui.session import ReaderSession
from reader.ui.title_strip import TitleStrip
from reader.ui.transcript_view import TranscriptView
from reader.ui.window_files import FileOpener
from reader.ui.windows import WindowGroup

if TYPE_CHECKING:  # the second stage's modules are imported by `complete`, the dialogs when asked for
    from PySide6.QtWidgets import QMenu, QMessageBox

    from reader.ui.annotation_actions import AnnotationActions
    from reader.ui.annotation_marks import AnnotationMarks
    from reader.ui.dialogs import GoToExchangeDialog
    from reader.ui.notes_files import NotesFiles
    from reader.ui.notes_panel import NotesPanel
    from reader.ui.pane_focus import PaneCycle
    from reader.ui.player_bar import PlayerBar
    from reader.ui.recording_player import RecordingPlayer
    from reader.ui.search_bar import SearchBar
    from reader.ui.selection_bar import SelectionTools
    from reader.ui.speakers_panel import SpeakersPanel
    from reader.ui.topics_panel import TopicsPanel

# The docks, by title, with the area each starts in; the topics above the speakers.
DOCKS = (("Topics", Qt.DockWidgetArea.LeftDockWidgetArea), ("Speakers", Qt.DockWidgetArea.LeftDockWidgetArea),
         ("Notes", Qt.DockWidgetArea.RightDockWidgetArea))
COMPLETE_LIMIT_MS = 1000  # a staged window shown is complete by this long after, whether its text showed or not
# What completes a staged window before its time: the reader acts on it.
_ACTING = frozenset({QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride, QEvent.Type.MouseButtonPress,
                     QEvent.Type.MouseButtonDblClick, QEvent.Type.Wheel, QEvent.Type.DragEnter,
                     QEvent.Type.ContextMenu})

Part = TypeVar("Part")


class _Later(Generic[Part]):
    """A part made in the window's second stage: asking for it completes the window (`MainWindow.complete`)."""

    def __set_name__(self, owner: type, name: str) -> None:
        self.name = name

    @overload
    def __get__(self, window: None, owner: type | None = None) -> _Later[Part]: ...
    @overload
    def __get__(self, window: MainWindow, owner: type | None = None) -> Part: ...

    def __get__(self, window: MainWindow | None, owner: type | None = None) -> Part | _Later[Part]:
        if window is None:
            return self
        window.complete()
        part: Part = window.__dict__[self.name]
        return part

    def __set__(self, window: MainWindow, part: Part) -> None:
        window.__dict__[self.name] = part


class MainWindow(QMainWindow):
    """The reading window.

    Its parts:
        session: the ReaderSession (the open transcript, its notes, the undo stack, saving).
        view: the TranscriptView in the centre; title_strip above it, then search_bar.
        topics_panel, speakers_panel, notes_panel: the docks' panels.
        registry: the ActionRegistry (``registry[ActionId.OUTLINE]`` is the QAction); menus by key in
            ``registry.menus``.
        files: opening files (``files.open_path``, Open Recent, drops); appearance: theme, font, zoom;
            annotation_actions: the Notes menu's commands; notes_files: exporting and importing notes;
            preferences: what is remembered (QSettings); selection_tools: the bar over a selection, and snapping
            to words; panes: F6 from pane to pane.
        status_sections: the status bar's labels by key ("position", "words", "topic").
        error_box: the last error shown (`show_error`), or None.
    Signals: text_shown(): the view shows a transcript's text (its `text_shown`).
    For scripts and the command line: open_path(path, layout=None) -> bool, show_search(text),
    show_only_speaker(name).
    """

    text_shown = Signal()

    search_bar: _Later[SearchBar] = _Later()
    topics_panel: _Later[TopicsPanel] = _Later()
    speakers_panel: _Later[SpeakersPanel] = _Later()
    notes_panel: _Later[NotesPanel] = _Later()
    registry: _Later[ActionRegistry] = _Later()
    annotation_actions: _Later[AnnotationActions] = _Later()
    notes_files: _Later[NotesFiles] = _Later()
    player_bar: _Later[PlayerBar] = _Later()
    player: _Later[RecordingPlayer] = _Later()
    marks: _Later[AnnotationMarks] = _Later()
    selection_tools: _Later[SelectionTools] = _Later()
    panes: _Later[PaneCycle] = _Later()
    view_menu: _Later[QMenu] = _Later()

    def __init__(self, *, store: AnnotationStore | None = None, settings: QSettings | None = None,
                 restore: bool = True, staged: bool = False) -> None:
        super().__init__()
        self.setWindowTitle("Transcript Reader")
        self.setObjectName("main_window")
        self.preferences = Preferences(settings)
        self._restore = restore
        self._restored_layout = False
        self._completed = False
        self._text_on_screen = False  # the view has shown a transcript's text (its first picture)
        self.error_box: QMessageBox | None = None
        self.session = ReaderSession(store or AnnotationStore(), self)
        # Connected before any part is made: the view shows the text before a panel asks where the reader is.
        self.session.opened.connect(self._on_session_opened)
        self.session.notes_changed.connect(self._on_session_notes_changed)
        self.session.status_message.connect(self.statusBar().showMessage)
        self.session.error.connect(self.show_error)

        self.view = TranscriptView(self)
        self.view.setObjectName("transcript_view")
        centre = QWidget(self)
        self._centre_layout = QVBoxLayout(centre)
        self._centre_layout.setContentsMargins(0, 0, 0, 0)
        self._centre_layout.setSpacing(0)
        self._centre_layout.addWidget(self.view)
        self.setCentralWidget(centre)
        self.title_strip = TitleStrip(self)
        self.add_above_view(self.title_strip)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks)
        # The menu bar with its titles, at its height in the first picture; their commands come with the second stage.
        self._menus = {key: self.menuBar().addMenu(title) for key, title in MENUS}
        self.docks = {title: self._dock(title, area) for title, area in DOCKS}
        self.splitDockWidget(self.docks["Topics"], self.docks["Speakers"], Qt.Orientation.Vertical)
        self.files = FileOpener(self.session, self.preferences, self, self.view)
        self.files.first_screen.shown.connect(self._on_opening_shown)

        self.status_sections: dict[str, QLabel] = {}
        self.reading_status = ReadingStatus(self.session, self.view, self)
        self.add_status_section("position", self.reading_status.position)
        self.add_status_section("words", self.reading_status.words)
        self.add_status_section("topic", ElidedLabel(self))  # gives way to the window's width
        view = self.view
        view.theme_changed.connect(self.title_strip.set_theme)
        view.position_changed.connect(self.session.note_position)
        # The write of the store's index (and the topics worker, which shares the interpreter lock with the
        # window) start once the text is on screen.
        view.text_shown.connect(self.session.record_opened)
        view.text_shown.connect(self._on_view_text_shown)
        view.text_shown.connect(self.text_shown)
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)  # the menus' commands (`view_menu`)
        view.customContextMenuRequested.connect(self._on_view_menu)

        # Last: the theme reaches the parts that follow the view's through the signal.
        self.appearance = Appearance(self.view, self.preferences, remember=restore, parent=self)
        if restore:
            geometry, _state = self.preferences.window_geometry()
            if geometry is None or not self.restoreGeometry(geometry):
                self._first_size()
        else:
            self._first_size()
        if staged:
            # Until complete, the reader acting on the text or opening a menu completes the window first. Watched
            # where the reader acts (the text has the focus), not over the whole application: every event
            # passed to Python costs, and those of the first picture are many.
            for watched in (self.view, self.view.viewport()):
                watched.installEventFilter(self)
            for menu in self._menus.values():
                menu.aboutToShow.connect(self.complete)
        else:
            self.complete()

    @property
    def completed(self) -> bool:
        """The second stage is made (at once, for a window that is not staged)."""
        return self._completed

    def complete(self) -> None:
        """The second stage: the menus' commands, the panels, search and the player, caught up with the
        transcript open. Once; at once for a window that is not staged."""
        if self._completed:
            return
        self._completed = True
        for watched in (self.view, self.view.viewport()):
            watched.removeEventFilter(self)
        from reader.core.topics.outline import contents
        from reader.ui.annotation_actions import AnnotationActions
        from reader.ui.annotation_marks import AnnotationMarks
        from reader.ui.navigation import ViewNavigator
        from reader.ui.notes_files import NotesFiles
        from reader.ui.notes_panel import NotesPanel
        from reader.ui.pane_focus import PaneCycle
        from reader.ui.player_bar import PlayerBar
        from reader.ui.recording_attach import RecordingAttacher
        from reader.ui.recording_player import BAR_ACTIONS, RecordingPlayer
        from reader.ui.search_bar import SearchBar
        from reader.ui.selection_bar import SelectionTools
        from reader.ui.speakers_panel import SpeakersPanel
        from reader.ui.topics_panel import TopicsPanel
        from reader.ui.view_menu import view_menu

        navigator = ViewNavigator(self.view)
        self.search_bar = SearchBar(self.session, self.view, self)
        self.topics_panel = TopicsPanel(self.session, navigator, self)
        self.speakers_panel = SpeakersPanel(self.session, navigator, self)
        self.notes_panel = NotesPanel(self.session, navigator, self)
        self.add_above_view(self.search_bar)

        self.registry = ActionRegistry(self)
        self.registry.build(self.menuBar(), {"view": self.view, "notes": self.notes_panel.cards},
                            menus=self._menus)
        self.registry.menus["file"].insertMenu(self.registry[ActionId.OPEN_SAMPLE], self.files.recent_menu)
        self.annotation_actions = AnnotationActions(self.session, navigator, self.registry, self.notes_panel, self,
                                                    preferences=self.preferences)
        self.notes_files = NotesFiles(self.session, self.preferences, self.notes_panel, self,
                                      contents=lambda: contents(self.topics_panel.sections()))
        # The recording: found or attached, played in the bar under the title strip, followed in the view.
        self.player_bar = PlayerBar({name: self.registry[a] for name, a in BAR_ACTIONS.items()}, self)
        self._centre_layout.insertWidget(self._centre_layout.indexOf(self.title_strip) + 1, self.player_bar)
        self.player = RecordingPlayer(self.session, navigator, self.view, self.player_bar,
                                      RecordingAttacher(self.session, self), self.notes_panel, self)
        self.notes_panel.quote_checking = self.player.quote_checking
        self.marks = AnnotationMarks(self.session, self.view, self)
        self.selection_tools = SelectionTools(self.view, self.registry, self.preferences, self)
        self.panes = PaneCycle([self.view, self.topics_panel, self.speakers_panel, self.notes_panel], self)
        self.view_menu = view_menu(self.registry, self.view)
        self._dock_panels()
        self._connect_parts()
        self.appearance.show_in(self.registry)
        self.registry.set_checked(ActionId.TOPIC_TITLES, self.preferences.topic_titles)
        self._bind_actions()
        self.registry.check_bound()
        # Caught up: the theme, the transcript open, its text shown, a large file's opening shown.
        self.view.theme_changed.emit(self.view.theme())
        self.session.catch_up()
        if self._text_on_screen and self.session.transcript is not None:
            self.topics_panel.start_finding()
        if self.files.first_screen.showing:
            self.topics_panel.wait_for_whole()
            self.notes_panel.wait_for_whole()

    @Slot(bool)
    def set_topic_titles(self, shown: bool) -> None:
        """Show the sections' and topics' titles in the text where they begin, or not (remembered)."""
        self.preferences.topic_titles = shown
        self.registry.set_checked(ActionId.TOPIC_TITLES, shown)
        self._on_topics_ready()

    @Slot()
    def _on_topics_ready(self) -> None:
        from reader.core.topics.outline import headings

        shown = self.preferences.topic_titles
        self.view.set_headings(headings(self.topics_panel.sections()) if shown else {})

    @Slot(QPoint)
    def _on_view_menu(self, position: QPoint) -> None:
        from reader.ui.view_menu import show_at

        self.complete()  # a right click before the second stage is made: it is made first
        show_at(self.view_menu, self.view.viewport(), position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Only while staged (on the view and its viewport): the reader acting on the text completes the window first.
        if event.type() in _ACTING:
            self.complete()
        return False

    def _first_size(self) -> None:
        """On a first start: most of the screen, so three panes and a readable column fit side by side."""
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.width() < 800:
            self.resize(1100, 760)
            return
        self.resize(min(1480, area.width() * 9 // 10), min(960, area.height() * 9 // 10))

    # --- the parts ------------------------------------------------------------------------------------

    def _dock(self, title: str, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(QWidget(dock))  # its panel comes with the second stage
        self.addDockWidget(area, dock)
        return dock

    def _dock_panels(self) -> None:
        panels = self.registry.menus["view"].addMenu("&Panels")
        panels_in_order = (self.topics_panel, self.speakers_panel, self.notes_panel)  # as DOCKS names them
        for dock, panel in zip(self.docks.values(), panels_in_order, strict=True):
            placeholder = dock.widget()
            dock.setWidget(panel)
            placeholder.deleteLater()
            panels.addAction(dock.toggleViewAction())  # its visibility toggled from View > Panels
        self.notes_panel.add_row_actions([self.registry[ActionId.EDIT_ANNOTATION],
                                          self.registry.menus["notes/Attribution &Status"].menuAction(),
                                          self.registry[ActionId.PLAY_QUOTE], self.registry[ActionId.MARK_CHECKED]])

    def _connect_parts(self) -> None:
        view = self.view
        view.theme_changed.connect(self.player_bar.set_theme)
        view.theme_changed.connect(self.speakers_panel.set_theme)
        view.theme_changed.connect(self.marks.refresh_soon)
        view.position_changed.connect(self.topics_panel.set_current_turn)
        view.text_shown.connect(self.topics_panel.start_finding)
        view.title_renamed.connect(self.topics_panel.rename)
        self.topics_panel.current_topic_changed.connect(self.status_sections["topic"].setText)
        self.topics_panel.topics_ready.connect(self._on_topics_ready)
        self.search_bar.closed.connect(view.setFocus)
        self.speakers_panel.show_only_changed.connect(self._on_speakers_show_only_changed)
        self.notes_panel.current_changed.connect(self.annotation_actions.show_status_of)
        undo, redo, stack = self.registry[ActionId.UNDO], self.registry[ActionId.REDO], self.session.undo_stack
        undo.setEnabled(False)
        redo.setEnabled(False)
        stack.canUndoChanged.connect(undo.setEnabled)
        stack.canRedoChanged.connect(redo.setEnabled)
        stack.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".rstrip()))
        stack.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".rstrip()))

    def _bind_actions(self) -> None:
        bind, view, files, notes = self.registry.bind, self.view, self.files, self.annotation_actions
        for action_id, handler in (
            (ActionId.NEW_WINDOW, self.new_window),
            (ActionId.OPEN, files.open_file_dialog), (ActionId.OPEN_SAMPLE, files.open_sample),
            (ActionId.EXPORT_NOTES, self.notes_files.export_notes),
            (ActionId.IMPORT_NOTES, self.notes_files.import_notes),
            (ActionId.QUIT, self.close),
            (ActionId.UNDO, self.session.undo_stack.undo), (ActionId.REDO, self.session.undo_stack.redo),
            (ActionId.COPY, view.copy), (ActionId.COPY_CITATION, notes.copy_with_citation),
            (ActionId.SELECT_ALL, view.selectAll),
            (ActionId.FIND, self.search_bar.activate), (ActionId.FIND_NEXT, self.search_bar.find_next),
            (ActionId.FIND_PREVIOUS, self.search_bar.find_previous),
            (ActionId.COLLAPSE_ALL, view.collapse_all), (ActionId.EXPAND_ALL, view.expand_all),
            (ActionId.OUTLINE, view.set_outline), (ActionId.FOLD, view.fold_current),
            (ActionId.UNFOLD, view.unfold_current), (ActionId.ZOOM_IN, view.zoom_in),
            (ActionId.ZOOM_OUT, view.zoom_out), (ActionId.ZOOM_RESET, view.zoom_reset),
            (ActionId.FONT, self.appearance.choose_font),
            (ActionId.SNAP_TO_WORDS, self.selection_tools.set_snap_to_words),
            (ActionId.TOPIC_TITLES, self.set_topic_titles),
            (ActionId.NEXT_PANE, self.panes.next_pane), (ActionId.PREVIOUS_PANE, self.panes.previous_pane),
            (ActionId.SHOW_ONLY_SPEAKER, self.speakers_panel.set_show_only_current),
            (ActionId.RENAME_SPEAKER, self.speakers_panel.rename_current),
            (ActionId.RENAME_TOPIC, self.topics_panel.rename_current),
            (ActionId.SPLIT_TOPIC, self.topics_panel.split_at_reading_position),
            (ActionId.ADD_TOPIC, self.topics_panel.add_at_reading_position),
            (ActionId.MERGE_TOPIC, self.topics_panel.merge_current_with_next),
            (ActionId.SPLIT_SECTION, self.topics_panel.split_section_at_reading_position),
            (ActionId.ADD_SECTION, self.topics_panel.add_section_at_reading_position),
            (ActionId.RESET_TOPICS, self.topics_panel.reset_edits),
            (ActionId.BOOKMARK, notes.bookmark), (ActionId.HIGHLIGHT, notes.highlight), (ActionId.NOTE, notes.note),
            (ActionId.EDIT_ANNOTATION, self.notes_panel.edit_current_in_dialog),
            (ActionId.DELETE_ANNOTATION, self.notes_panel.delete_selected),
            (ActionId.RESTORE_NOTES, notes.restore_notes),
            (ActionId.NEXT_TURN, view.next_turn), (ActionId.PREVIOUS_TURN, view.previous_turn),
            (ActionId.NEXT_QUESTION, view.next_question), (ActionId.PREVIOUS_QUESTION, view.previous_question),
            (ActionId.NEXT_SAME_SPEAKER, view.next_same_speaker),
            (ActionId.PREVIOUS_SAME_SPEAKER, view.previous_same_speaker),
            (ActionId.GO_TO_EXCHANGE, self.go_to_exchange_dialog),
            (ActionId.NEXT_TOPIC, self.topics_panel.next_topic),
            (ActionId.PREVIOUS_TOPIC, self.topics_panel.previous_topic),
            (ActionId.NEXT_SECTION, self.topics_panel.next_section),
            (ActionId.PREVIOUS_SECTION, self.topics_panel.previous_section),
            (ActionId.SHORTCUTS, self.show_shortcuts), (ActionId.ABOUT, self.show_about),
            (ActionId.ATTACH_RECORDING, self.player.attacher.attach_dialog),
            (ActionId.DETACH_RECORDING, self.player.attacher.detach),
            (ActionId.PLAY_PAUSE, self.player.toggle_play), (ActionId.PLAY_FROM_HERE, self.player.play_from_here),
            (ActionId.BACK, self.player.back), (ActionId.FORWARD, self.player.forward),
            (ActionId.SLOWER, self.player.slower), (ActionId.FASTER, self.player.faster),
            (ActionId.FOLLOW, self.player.follow.set_enabled), (ActionId.SYNC_HERE, self.player.sync_here),
            (ActionId.PLAY_QUOTE, self.player.play_chosen_quote),
            (ActionId.MARK_CHECKED, self.player.mark_chosen_checked),
        ):
            bind(action_id, handler)
        self.registry.set_checked(ActionId.FOLLOW, self.player.follow.enabled)
        self.registry.bind_choice(Choice.THEME, self.appearance.set_theme)
        self.registry.bind_choice(Choice.HIGHLIGHT_COLOUR, notes.highlight_in)
        self.registry.bind_choice(Choice.STATUS, notes.set_status)
        self.registry.bind_choice(Choice.CITATION_STYLE, notes.set_citation_style)

    def add_above_view(self, widget: QWidget) -> None:
        """A bar above the reading text (the search bar); bars added later go lower."""
        self._centre_layout.insertWidget(self._centre_layout.count() - 1, widget)

    def add_status_section(self, key: str, widget: QLabel, stretch: int = 0) -> QLabel:
        self.status_sections[key] = widget
        widget.setTextFormat(Qt.TextFormat.PlainText)  # a topic's or file's name is shown as written
        widget.setContentsMargins(10, 0, 10, 0)
        self.statusBar().addPermanentWidget(widget, stretch)
        return widget

    # --- for scripts and the command line -----------------------------------------------------------

    def open_path(self, path: str | Path, layout: str | None = None) -> bool:
        """Open a transcript file (see `FileOpener.open_path`); False, with the reason on screen, when it fails."""
        return self.files.open_path(path, layout)

    def show_search(self, text: str) -> None:
        """Open the search bar on `text`, every match highlighted (also the screenshot command's --search)."""
        self.search_bar.activate(text)

    def show_only_speaker(self, name: str | None) -> None:
        """Show only one speaker's turns, named by label, display name or a part of one; None shows all.
        Raises reader.core.search.SearchError for a name that fits no speaker."""
        self.speakers_panel.show_only_named(name)

    # --- following the session ------------------------------------------------------------------------

    @Slot(object)
    def _on_session_opened(self, transcript: Transcript) -> None:
        notes = self.session.notes
        assert notes is not None  # set before `opened`
        position = notes.position  # read before showing the text moves it to the first turn
        self.view.set_transcript(notes.attributed, notes.speaker_names)  # who speaks, as the reader corrected it
        if self._completed:
            self.registry.set_checked(ActionId.OUTLINE, False)
        self._name_transcript(notes.attributed, notes.speaker_names)
        turn = transcript.turn_by_id.get(position.turn_id) if position else None
        if turn is not None and position is not None and self._restore:
            QTimer.singleShot(0, lambda t=turn.index, o=position.offset: self.view.scroll_to_turn(t, o))

    @Slot(object)
    def _on_opening_shown(self, opening: Transcript) -> None:
        """A large file's opening is on screen while the rest is read: the window names it already."""
        self._name_transcript(opening, {}, opening=True)
        if self._completed:  # else `complete` tells them
            self.topics_panel.wait_for_whole()
            self.notes_panel.wait_for_whole()

    @Slot()
    def _on_view_text_shown(self) -> None:
        self._text_on_screen = True
        if not self._completed:  # the first picture is on screen: the rest of the window now
            QTimer.singleShot(0, self.complete)

    def _name_transcript(self, transcript: Transcript, names: Mapping[str, str], *, opening: bool = False) -> None:
        title = transcript.metadata.title or (transcript.path or "Transcript").rsplit("/", 1)[-1]
        self.setWindowTitle(f"{title} — Transcript Reader")
        self.title_strip.set_transcript(transcript, names, opening=opening)

    @Slot(object)
    def _on_session_notes_changed(self, change: Change) -> None:
        notes = self.session.notes
        if change.speaker_edits and notes is not None:
            self.view.set_speakers(notes.attributed, notes.speaker_names)
        elif change.speaker_names and notes is not None:
            self.view.set_speaker_names(notes.speaker_names)
        if change.speaker_names and notes is not None:
            self.title_strip.set_transcript(notes.attributed, notes.speaker_names)

    @Slot(object)
    def _on_speakers_show_only_changed(self, key: str | None) -> None:
        self.view.set_turn_filter({key} if key else None)
        # Matches in hidden turns would be counted but never shown: the search follows the filter.
        self.search_bar.set_speaker(key)
        self.registry.set_checked(ActionId.SHOW_ONLY_SPEAKER, key is not None)

    # --- the window's own commands ----------------------------------------------------------------------

    def show_error(self, title: str, message: str) -> None:
        """A window-modal warning; the message is plain text, whatever the file name holds."""
        from PySide6.QtWidgets import QMessageBox  # as the dialogs: when there is something to show

        # The title is the message's headline, not the window's: a small box's title bar would cut it short.
        box = QMessageBox(QMessageBox.Icon.Warning, "Transcript Reader", title, QMessageBox.StandardButton.Ok, self)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(message)
        box.setObjectName("error_box")
        self.error_box = box
        box.open()

    @Slot()
    def go_to_exchange_dialog(self) -> None:
        from reader.ui.dialogs import GoToExchangeDialog  # the dialogs wait until asked for: a faster start

        transcript = self.session.transcript
        if transcript is None or not transcript.exchanges:
            return
        dialog = GoToExchangeDialog(transcript, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self._go_to_chosen_exchange(dialog))
        dialog.open()

    def _go_to_chosen_exchange(self, dialog: GoToExchangeDialog) -> None:
        if dialog.exchange is not None:
            self.view.go_to_exchange(dialog.exchange)

    @Slot()
    def show_shortcuts(self) -> None:
        from reader.ui.dialogs import ShortcutSheet  # imported when asked for: a faster start

        sheet = ShortcutSheet(self.registry.shortcut_rows(), self, footnote=CARET_HELP)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    @Slot()
    def show_about(self) -> None:
        from reader.ui.about import AboutDialog  # with importlib.metadata and email: only when asked for

        AboutDialog(self.session.store.root, self).open()

    @Slot()
    def new_window(self) -> None:
        WindowGroup.of(self).new_window()

    # --- window life ----------------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        # Coming back to the window takes in what another window (or a synced folder) saved meanwhile, so the
        # docks show it now rather than after this window's next save.
        if event.type() == QEvent.Type.WindowActivate:
            self.session.refresh()
        return super().event(event)

    def showEvent(self, event: QShowEvent) -> None:
        # The docks of the wired parts exist by now, so their saved places can be restored.
        if not self._restored_layout:
            _geometry, state = self.preferences.window_geometry() if self._restore else (None, None)
            if state is None or not self.restoreState(state):
                # Side panels start narrow so the text comes first: the left (topics, speakers, whose names
                # must fit) at about a quarter of the window, the right (notes) at about a fifth.
                left = Qt.DockWidgetArea.LeftDockWidgetArea
                docks = [d for d in self.findChildren(QDockWidget)
                         if self.dockWidgetArea(d) in (left, Qt.DockWidgetArea.RightDockWidgetArea)]
                widths = [min(340, max(240, self.width() * 13 // 50)) if self.dockWidgetArea(d) == left
                          else min(320, max(220, self.width() // 5)) for d in docks]
                self.resizeDocks(docks, widths, Qt.Orientation.Horizontal)
        self._restored_layout = True
        if not self._completed:  # for a view that shows no text (no room on screen, an empty file)
            QTimer.singleShot(COMPLETE_LIMIT_MS, self.complete)
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._completed:  # else no topics are being found and nothing plays
            self.topics_panel.cancel_finding()
            self.player.close()
        self.session.close()
        if self._restore:
            self.preferences.set_window_geometry(self.saveGeometry(), self.saveState())
            self.appearance.remember_zoom()
        super().closeEvent(event)
