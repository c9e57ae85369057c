"""The main window: the reading view in the centre, menus built from the action registry, docks, status bar.

It wires parts together and holds no feature logic: opening files is in `window_files`, the reading view in
`transcript_view`, commands in `actions`.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QSettings, Qt, QTimer, Signal, Slot
from PySide6.QtGui import QCloseEvent, QFont, QGuiApplication, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QFontDialog,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reader.core.model import Transcript
from reader.core.notes.store import AnnotationStore, Change, TranscriptNotes
from reader.ui.about import AboutDialog
from reader.ui.actions import ActionRegistry
from reader.ui.annotation_actions import AnnotationActions
from reader.ui.dialogs import GoToExchangeDialog, ShortcutSheet
from reader.ui.notes_panel import NotesPanel
from reader.ui.preferences import Preferences
from reader.ui.search_bar import SearchBar
from reader.ui.speakers_panel import SpeakersPanel
from reader.ui.themes import SYSTEM, THEME_NAMES, resolve
from reader.ui.title_strip import TitleStrip
from reader.ui.topics_panel import TopicsPanel
from reader.ui.transcript_view import TranscriptView
from reader.ui.window_files import FilesMixin

log = logging.getLogger(__name__)

WORDS_STEP = 1500  # turns counted per step of the background word count: a few milliseconds each
SAVE_DELAY_MS = 800  # notes are written this long after the last change: prompt, but not on every keystroke
POSITION_DELAY_MS = 5000  # the reading position, kept in the index, is written less often and never turns a backup


class MainWindow(FilesMixin, QMainWindow):
    """The reading window.

    For the parts wired into it:
        view: the TranscriptView in the centre.
        transcript: the open Transcript, or None.
        notes: the TranscriptNotes of the open transcript (from `store`), or None.
        store: the AnnotationStore (the data folder).
        registry: the ActionRegistry (``registry["view.collapse_all"]`` is the QAction); menus by key in
            ``registry.menus``.
        undo_stack: a QUndoStack behind Edit > Undo / Redo.
        status_sections: the status bar's labels by key ("position", "words"); add more with
            `add_status_section`.
        add_dock(widget, title, area) -> QDockWidget; add_above_view(widget) for a bar over the text.
        open_path(path, layout=None) -> bool; set_transcript(transcript); show_error(title, message).
        show_search(text), show_only_speaker(name): the search bar's and speakers panel's entry points.
        preferences: theme, font, zoom, recent files (QSettings); set_theme(name) / theme_setting().

    Signals:
        transcript_changed(object): a transcript was opened and is shown (after `notes` is set).
        notes_changed(object): the notes changed (a reader.core.notes.store.Change), here or on disk.
    """

    transcript_changed = Signal(object)
    notes_changed = Signal(object)

    def __init__(self, *, store: AnnotationStore | None = None, settings: QSettings | None = None,
                 restore: bool = True) -> None:
        super().__init__()
        self.setWindowTitle("Transcript Reader")
        self.setObjectName("main_window")
        self.preferences = Preferences(settings)
        self.store = store or AnnotationStore()
        self.transcript: Transcript | None = None
        self.notes: TranscriptNotes | None = None
        self._restore = restore
        self._restored_layout = False
        self.undo_stack = QUndoStack(self)
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
        self.view.theme_changed.connect(self.title_strip.set_theme)
        # Made before the menus, whose actions name their slots (search_bar.find_next); wired in below.
        self.search_bar = SearchBar(self.view, self)
        self.speakers_panel = SpeakersPanel(self)
        self.topics_panel = TopicsPanel(self)
        self.notes_panel = NotesPanel(self.undo_stack, self)
        self.annotation_actions = AnnotationActions(self)
        self.setAcceptDrops(True)
        self.setDockOptions(QMainWindow.DockOption.AnimatedDocks | QMainWindow.DockOption.AllowNestedDocks)

        self.registry = ActionRegistry(self, self.view)
        self.registry.build(self.menuBar())
        self._wire_undo_actions()
        self.build_recent_menu()
        self._panels_menu = self.registry.menus["view"].addMenu("&Panels")
        self._panels_menu.menuAction().setVisible(False)

        self.status_sections: dict[str, QLabel] = {}
        self.add_status_section("position", QLabel(self))
        self.add_status_section("words", QLabel(self))
        self.view.position_changed.connect(self._on_view_position_changed)
        self.search_bar.attach(self)
        self.topics_panel.attach(self)
        self.speakers_panel.attach(self)  # under the topics, as the design has it
        self.notes_panel.attach(self)
        self.annotation_actions.attach(self)

        self._save_timer = QTimer(self)
        self._save_timer.setSingleShot(True)
        self._save_timer.setInterval(SAVE_DELAY_MS)
        self._save_timer.timeout.connect(self.save_notes)
        self._position_timer = QTimer(self)
        self._position_timer.setSingleShot(True)
        self._position_timer.setInterval(POSITION_DELAY_MS)
        self._position_timer.timeout.connect(self._on_position_timer_timeout)

        # Words are counted in steps of WORDS_STEP turns, between events, so opening never waits for them.
        self._words_timer = QTimer(self)
        self._words_timer.setSingleShot(True)
        self._words_timer.setInterval(20)
        self._words_timer.timeout.connect(self._on_words_timer_timeout)

        self._theme_setting = SYSTEM
        self.set_theme(self.preferences.theme if restore else SYSTEM)
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._on_color_scheme_changed)
        if restore:
            font = self.preferences.font
            if font is not None:
                self.view.set_reading_font(font)
            self.view.set_zoom(self.preferences.zoom)
            geometry, _state = self.preferences.window_geometry()
            if geometry is None or not self.restoreGeometry(geometry):
                self._first_size()
        else:
            self._first_size()

    def _first_size(self) -> None:
        """On a first start: most of the screen, so three panes and a readable column fit side by side."""
        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is None or area.width() < 800:
            self.resize(1100, 760)
            return
        self.resize(min(1480, area.width() * 9 // 10), min(960, area.height() * 9 // 10))

    # --- for the parts wired in -----------------------------------------------------------------------

    def add_dock(self, widget: QWidget, title: str,
                 area: Qt.DockWidgetArea = Qt.DockWidgetArea.LeftDockWidgetArea) -> QDockWidget:
        """Put a panel in a dock (its visibility toggled from View > Panels, its place remembered)."""
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        self._panels_menu.addAction(dock.toggleViewAction())
        self._panels_menu.menuAction().setVisible(True)
        return dock

    def add_above_view(self, widget: QWidget) -> None:
        """A bar above the reading text (the search bar); bars added later go lower."""
        self._centre_layout.insertWidget(self._centre_layout.count() - 1, widget)

    def show_search(self, text: str) -> None:
        """Open the search bar on `text`, every match highlighted (also the screenshot command's --search)."""
        self.search_bar.activate(text)

    def show_only_speaker(self, name: str | None) -> None:
        """Show only one speaker's turns, named by label, display name or a part of one; None shows all.
        Raises reader.core.search.SearchError for a name that fits no speaker."""
        self.speakers_panel.show_only_named(name)

    def add_status_section(self, key: str, widget: QLabel, stretch: int = 0) -> QLabel:
        self.status_sections[key] = widget
        widget.setTextFormat(Qt.TextFormat.PlainText)  # a topic's or file's name is shown as written
        widget.setContentsMargins(10, 0, 10, 0)
        self.statusBar().addPermanentWidget(widget, stretch)
        return widget

    # --- showing a transcript --------------------------------------------------------------------------

    def set_transcript(self, transcript: Transcript) -> None:
        """Show a transcript (already loaded), with its notes, and tell the wired parts."""
        self.save_notes()
        self.undo_stack.clear()
        self.transcript = transcript
        self.notes = self.store.open(transcript)
        position = self.notes.position  # read before showing the text moves it to the first turn
        self.notes.on_change.append(self._on_notes_change)
        self.view.set_transcript(transcript, self.notes.speaker_names)
        self.registry["view.outline"].setChecked(False)
        title = transcript.metadata.title or (transcript.path or "Transcript").rsplit("/", 1)[-1]
        self.setWindowTitle(f"{title} — Transcript Reader")
        self.title_strip.set_transcript(transcript)
        self._update_status()
        turn = transcript.turn_by_id.get(position.turn_id) if position else None
        if turn is not None and self._restore:
            QTimer.singleShot(0, lambda t=turn.index, o=position.offset: self.view.scroll_to_turn(t, o))  # type: ignore[union-attr]
        if self.notes.message:
            self.statusBar().showMessage(self.notes.message, 10000)
        if self.notes.dirty:  # notes re-attached, or the readable ones of a file set aside: back on disk soon
            self._save_timer.start(SAVE_DELAY_MS)
        self.transcript_changed.emit(transcript)

    @Slot()
    def save_notes(self) -> None:
        """Write the notes now if they changed; a failure is kept in memory and said in the status bar."""
        self._save_timer.stop()
        if self.notes is not None and self.notes.dirty and not self.notes.read_only and not self.notes.save():
            # last_error already says that the notes are kept in memory and that saving will be tried again
            self.statusBar().showMessage(self.notes.last_error or "Notes not saved; will retry.", 10000)
            self._save_timer.start(SAVE_DELAY_MS * 10)

    @Slot()
    def _on_position_timer_timeout(self) -> None:
        if self.notes is not None:
            self.notes.save_position()

    def _on_notes_change(self, change: Change) -> None:
        if change.what in ("speaker_names", "reloaded") and self.notes is not None:
            self.view.set_speaker_names(self.notes.speaker_names)
        if change.what == "position":
            if not self._position_timer.isActive():
                self._position_timer.start()
        elif change.what not in ("saved", "save_failed"):
            self._save_timer.start(SAVE_DELAY_MS)  # start(ms) sets the interval: a retry's longer wait must not stay
        self.notes_changed.emit(change)

    @Slot(int)
    def _on_view_position_changed(self, turn: int) -> None:
        self._update_status()
        if self.notes is not None and self.transcript is not None and turn >= 0:
            self.notes.set_position(self.transcript.turns[turn].id)

    def _update_status(self) -> None:
        t, turn = self.transcript, self.view.current_turn()
        if t is None or turn < 0:
            self.status_sections["position"].setText("")
            return
        exchange = t.exchanges[t.turns[turn].exchange]
        self.status_sections["position"].setText(f"{exchange.label} · turn {turn + 1} of {len(t.turns)}")
        self._update_words()

    def _update_words(self) -> None:
        vdoc, turn = self.view.vdoc, self.view.current_turn()
        if vdoc is None or turn < 0:
            return
        if not vdoc.words_counted:
            # Counting every word of a long transcript takes a moment: after the text is on screen, not before.
            self.status_sections["words"].setText(f"{self.transcript.words:,} words")  # type: ignore[union-attr]
            self._words_timer.start()
            return
        words = vdoc.words_before()
        self.status_sections["words"].setText(f"{words[turn + 1]:,} / {words[-1]:,} words")

    @Slot()
    def _on_words_timer_timeout(self) -> None:
        if self.view.vdoc is not None:
            if self.view.vdoc.count_words(WORDS_STEP):
                self._update_words()
            else:
                self._words_timer.start()

    # --- commands -------------------------------------------------------------------------------------

    def _wire_undo_actions(self) -> None:
        undo, redo = self.registry["edit.undo"], self.registry["edit.redo"]
        undo.setEnabled(False)
        redo.setEnabled(False)
        self.undo_stack.canUndoChanged.connect(undo.setEnabled)
        self.undo_stack.canRedoChanged.connect(redo.setEnabled)
        self.undo_stack.undoTextChanged.connect(lambda text: undo.setText(f"&Undo {text}".rstrip()))
        self.undo_stack.redoTextChanged.connect(lambda text: redo.setText(f"&Redo {text}".rstrip()))

    def set_theme(self, name: str) -> None:
        """"light", "dark", "sepia", or "system" to follow the desktop."""
        self._theme_setting = name if name in (*THEME_NAMES, SYSTEM) else SYSTEM
        theme = resolve(self._theme_setting)
        QApplication.setPalette(theme.palette())
        self.view.set_theme(theme)
        self.registry[f"view.theme_{self._theme_setting}"].setChecked(True)
        if self._restore:
            self.preferences.theme = self._theme_setting

    def theme_setting(self) -> str:
        return self._theme_setting

    @Slot(Qt.ColorScheme)
    def _on_color_scheme_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme_setting == SYSTEM:
            self.set_theme(SYSTEM)

    @Slot()
    def choose_font(self) -> None:
        dialog = QFontDialog(self.view.reading_font(), self)
        dialog.fontSelected.connect(self._on_font_selected)
        dialog.open()

    def _on_font_selected(self, font: QFont) -> None:
        self.view.set_reading_font(font)
        self.preferences.font = font

    @Slot()
    def go_to_exchange_dialog(self) -> None:
        if self.transcript is None or not self.transcript.exchanges:
            return
        dialog = GoToExchangeDialog(self.transcript, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: dialog.exchange is not None and self.view.go_to_exchange(dialog.exchange))
        dialog.open()

    @Slot()
    def show_shortcuts(self) -> None:
        sheet = ShortcutSheet(self.registry.shortcut_rows(), self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.open()

    @Slot()
    def show_about(self) -> None:
        AboutDialog(self.store.root, self).open()

    @Slot()
    def new_window(self) -> None:
        from reader.ui.windows import WindowGroup  # which makes windows of this class

        WindowGroup.of(self).new_window()

    # --- window life ----------------------------------------------------------------------------------

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
        super().showEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._position_timer.stop()
        try:
            self.save_notes()  # a failure keeps the notes in memory and says so; closing must still work
        except Exception:
            log.exception("saving the notes on closing failed")
        if self._restore:
            self.preferences.set_window_geometry(self.saveGeometry(), self.saveState())
            self.preferences.zoom = self.view.zoom()
        super().closeEvent(event)
