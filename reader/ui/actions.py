"""Every command of the window, declared once. The menus, the reading view's own keys and the shortcut sheet are
all built from `ACTIONS`, so a command cannot be in a menu without being in the sheet, or the other way round.

A declaration says what a command is called and where it sits; what it does is bound when the window is built,
to a callable: ``registry.bind(ActionId.BOOKMARK, annotation_actions.bookmark)``. A family of checkable choices
(the themes, the highlight colours, the attribution statuses) is bound once, to a callable taking the chosen
value: ``registry.bind_choice(Choice.THEME, appearance.set_theme)``. `ActionRegistry.check_bound` fails at
start-up when a declared command has nothing bound, rather than when the user presses its key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Literal

from PySide6.QtCore import QSignalBlocker, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from reader.core.notes.annotations import COLOURS, Status
from reader.core.notes.citation import CitationStyle

Key = QKeySequence.StandardKey | str
SK = QKeySequence.StandardKey


class ActionId(StrEnum):
    """The commands that are one action each; the value is the menu key, a dot, then a name."""

    NEW_WINDOW = "file.new_window"
    OPEN = "file.open"
    OPEN_SAMPLE = "file.open_sample"
    EXPORT_NOTES = "file.export_notes"
    IMPORT_NOTES = "file.import_notes"
    ATTACH_RECORDING = "file.attach_recording"
    DETACH_RECORDING = "file.detach_recording"
    QUIT = "file.quit"
    UNDO = "edit.undo"
    REDO = "edit.redo"
    COPY = "edit.copy"
    COPY_CITATION = "edit.copy_citation"
    SELECT_ALL = "edit.select_all"
    FIND = "edit.find"
    FIND_NEXT = "edit.find_next"
    FIND_PREVIOUS = "edit.find_previous"
    COLLAPSE_ALL = "view.collapse_all"
    EXPAND_ALL = "view.expand_all"
    OUTLINE = "view.outline"
    FOLD = "view.fold"
    UNFOLD = "view.unfold"
    ZOOM_IN = "view.zoom_in"
    ZOOM_OUT = "view.zoom_out"
    ZOOM_RESET = "view.zoom_reset"
    FONT = "view.font"
    SNAP_TO_WORDS = "view.snap_to_words"
    TOPIC_TITLES = "view.topic_titles"
    NEXT_PANE = "view.next_pane"
    PREVIOUS_PANE = "view.previous_pane"
    SHOW_ONLY_SPEAKER = "view.show_only_speaker"
    RENAME_SPEAKER = "view.rename_speaker"
    RENAME_TOPIC = "view.rename_topic"
    SPLIT_TOPIC = "view.split_topic"
    ADD_TOPIC = "view.add_topic"
    MERGE_TOPIC = "view.merge_topic"
    SPLIT_SECTION = "view.split_section"
    ADD_SECTION = "view.add_section"
    RESET_TOPICS = "view.reset_topics"
    BOOKMARK = "notes.bookmark"
    HIGHLIGHT = "notes.highlight"
    NOTE = "notes.note"
    EDIT_ANNOTATION = "notes.edit"
    DELETE_ANNOTATION = "notes.delete"
    RESTORE_NOTES = "notes.restore"
    PLAY_QUOTE = "notes.play_quote"
    MARK_CHECKED = "notes.mark_checked"
    NEXT_TURN = "go.next_turn"
    PREVIOUS_TURN = "go.previous_turn"
    NEXT_QUESTION = "go.next_question"
    PREVIOUS_QUESTION = "go.previous_question"
    NEXT_SAME_SPEAKER = "go.next_same_speaker"
    PREVIOUS_SAME_SPEAKER = "go.previous_same_speaker"
    GO_TO_EXCHANGE = "go.exchange"
    NEXT_TOPIC = "go.next_topic"
    PREVIOUS_TOPIC = "go.previous_topic"
    NEXT_SECTION = "go.next_section"
    PREVIOUS_SECTION = "go.previous_section"
    PLAY_PAUSE = "play.play_pause"
    PLAY_FROM_HERE = "play.from_here"
    BACK = "play.back"
    FORWARD = "play.forward"
    SLOWER = "play.slower"
    FASTER = "play.faster"
    FOLLOW = "play.follow"
    SYNC_HERE = "play.sync_here"
    SHORTCUTS = "help.shortcuts"
    ABOUT = "help.about"


class Choice(StrEnum):
    """A family of checkable actions, one of them chosen; a member's id is the family's, "_", then its name
    ("view.theme_dark"), and it passes its `ActionSpec.argument` to the callable bound to the family."""

    THEME = "view.theme"
    CITATION_STYLE = "edit.citation"
    HIGHLIGHT_COLOUR = "notes.colour"
    STATUS = "notes.status"


Scope = Literal["window", "view", "notes"]


@dataclass(frozen=True)
class ActionSpec:
    id: str  # an ActionId, or a member of a Choice family
    text: str  # menu text with its & accelerator
    menu: str  # a key of MENUS, or "key/Title" for a submenu
    shortcuts: tuple[Key, ...] = ()  # standard keys first, where Qt has one
    tip: str = ""
    checkable: bool = False  # the bound callable gets the new state (True or False)
    choice: Choice | None = None  # a member of this family: checkable, exclusive, passes `argument`
    argument: Any = None
    # "window": anywhere in the window; otherwise only while that part has the focus (the reading view, or
    # the Notes dock's table, where Delete must not reach the search field or the text)
    scope: Scope = "window"
    separator: bool = False  # starts a new section of its menu


def _choice(family: Choice, name: str, text: str, menu: str, argument: Any, tip: str = "") -> ActionSpec:
    return ActionSpec(f"{family}_{name}", text, menu, tip=tip, checkable=True, choice=family, argument=argument)


MENUS: list[tuple[str, str]] = [("file", "&File"), ("edit", "&Edit"), ("view", "&View"), ("notes", "&Notes"),
                                ("go", "&Go"), ("play", "&Play"), ("help", "&Help")]

_STATUS_TIP = "The attribution status of the annotation chosen in the Notes dock"
_CITATION_TIPS = {CitationStyle.PLAIN: "\u201cquote\u201d (Speaker, Title, Date, Q12, 00:12:34)",
                  CitationStyle.APA: "\u201cquote\u201d (Speaker, 2017, Q12, 00:12:34), then a reference-list entry",
                  CitationStyle.CHICAGO: "\u201cquote\u201d, then a note: Speaker, \u201cTitle,\u201d date, Q12"}

# The keys of the reading view's caret are the text's own, not commands: the shortcut sheet says them under its list.
CARET_HELP = ("In the text, the arrows, Home, End, Page Up and Page Down move the caret, and select with Shift (a "
              "word at a time with Ctrl too). Left and Right fold and unfold only with the caret on an exchange's "
              "header. A triple click selects a paragraph. Tab and Shift+Tab go on to the panels, F6 and Shift+F6 "
              "from pane to pane.")

ACTIONS: list[ActionSpec] = [
    ActionSpec(ActionId.NEW_WINDOW, "&New Window", "file", (SK.New,), "Another reading window"),
    ActionSpec(ActionId.OPEN, "&Open…", "file", (SK.Open,), "Open a transcript file"),
    ActionSpec(ActionId.OPEN_SAMPLE, "Open the &Sample Interview", "file"),
    ActionSpec(ActionId.EXPORT_NOTES, "&Export Notes…", "file",
               tip="Write the bookmarks, highlights and notes to a file: text, Markdown, HTML, CSV or W3C JSON",
               separator=True),
    ActionSpec(ActionId.IMPORT_NOTES, "&Import Notes…", "file",
               tip="Add notes from a W3C Web Annotation JSON file (a colleague's, a backup)"),
    ActionSpec(ActionId.ATTACH_RECORDING, "Attach &Recording…", "file", separator=True,
               tip="Play the interview's recording beside its transcript (m4a, mp3, wav, ogg, opus, flac, mp4, "
                   "mov, webm); a file with the transcript's name is attached by itself"),
    ActionSpec(ActionId.DETACH_RECORDING, "&Detach Recording", "file",
               tip="Forget the recording attached to this transcript"),
    ActionSpec(ActionId.QUIT, "&Quit", "file", (SK.Quit, "Ctrl+Q"), separator=True),
    ActionSpec(ActionId.UNDO, "&Undo", "edit", (SK.Undo,)),
    ActionSpec(ActionId.REDO, "&Redo", "edit", (SK.Redo, "Ctrl+Shift+Z")),
    ActionSpec(ActionId.COPY, "&Copy", "edit", (SK.Copy,), "Copy the selected text, plain", separator=True),
    ActionSpec(ActionId.COPY_CITATION, "Copy with C&itation", "edit", ("Ctrl+Shift+C",),
               "Copy the selected words with their citation: speaker, title, date, exchange and time; a passage "
               "gives each speaker's words"),
    *(_choice(Choice.CITATION_STYLE, style.value, f"&{style.label}", "edit/Citation &Style", style.value,
              _CITATION_TIPS[style]) for style in CitationStyle),
    ActionSpec(ActionId.SELECT_ALL, "Select &All", "edit", (SK.SelectAll,)),
    # F3 and Shift+F3 spelled out: the platform's FindNext bindings include Ctrl+G, which is Go to Exchange here.
    ActionSpec(ActionId.FIND, "&Find…", "edit", (SK.Find,), "Search the transcript", separator=True),
    ActionSpec(ActionId.FIND_NEXT, "Find &Next", "edit", ("F3",), "The next match"),
    ActionSpec(ActionId.FIND_PREVIOUS, "Find Pre&vious", "edit", ("Shift+F3",), "The previous match"),
    ActionSpec(ActionId.COLLAPSE_ALL, "&Collapse All", "view", ("Ctrl+[",), "Fold every exchange to its summary line"),
    ActionSpec(ActionId.EXPAND_ALL, "&Expand All", "view", ("Ctrl+]",)),
    ActionSpec(ActionId.OUTLINE, "&Questions Only", "view", ("Ctrl+Shift+Q",),
               "Show only the questions, as an outline", checkable=True),
    ActionSpec(ActionId.FOLD, "&Fold This Exchange", "view", ("Left",), scope="view",
               tip="Fold the exchange at the reading position (Left, with the caret on its header)"),
    ActionSpec(ActionId.UNFOLD, "&Unfold This Exchange", "view", ("Right",), scope="view",
               tip="Unfold the exchange at the reading position (Right, with the caret on its header)"),
    ActionSpec(ActionId.ZOOM_IN, "Zoom &In", "view", ("Ctrl+=", SK.ZoomIn), separator=True),
    ActionSpec(ActionId.ZOOM_OUT, "Zoom &Out", "view", (SK.ZoomOut, "Ctrl+-")),
    ActionSpec(ActionId.ZOOM_RESET, "&Actual Size", "view", ("Ctrl+0",)),
    ActionSpec(ActionId.FONT, "&Font…", "view"),
    _choice(Choice.THEME, "system", "&System", "view/&Theme", "system", "Follow the desktop's light or dark setting"),
    _choice(Choice.THEME, "light", "&Light", "view/&Theme", "light"),
    _choice(Choice.THEME, "dark", "&Dark", "view/&Theme", "dark"),
    _choice(Choice.THEME, "sepia", "S&epia", "view/&Theme", "sepia"),
    ActionSpec(ActionId.SNAP_TO_WORDS, "Snap Selection to &Whole Words", "view", checkable=True,
               tip="A selection made with the mouse takes whole words, as in calibre and Zotero"),
    ActionSpec(ActionId.TOPIC_TITLES, "Section and Topic &Titles in the Text", "view", checkable=True,
               tip="Write each section's and topic's title in the text where it begins"),
    ActionSpec(ActionId.NEXT_PANE, "Ne&xt Pane", "view", ("F6",), "Move the focus to the next dock or the text",
               separator=True),
    ActionSpec(ActionId.PREVIOUS_PANE, "Pre&vious Pane", "view", ("Shift+F6",)),
    # Alt+Down / Alt+Up (the current turn's speaker) are the reading view's own commands; these act on a speaker.
    ActionSpec(ActionId.SHOW_ONLY_SPEAKER, "Show Only This &Speaker", "view",
               tip="Show only the turns of the speaker at the reading position", checkable=True, separator=True),
    ActionSpec(ActionId.RENAME_SPEAKER, "&Rename Speaker…", "view",
               tip="Give the speaker at the reading position another name, kept with this transcript's notes"),
    ActionSpec(ActionId.RENAME_TOPIC, "Re&name Topic…", "view/E&dit Topics",
               tip="Rename the topic at the reading position"),
    ActionSpec(ActionId.SPLIT_TOPIC, "&Split Topic at This Question", "view/E&dit Topics",
               tip="Start a new topic with the question at the reading position"),
    ActionSpec(ActionId.ADD_TOPIC, "&Add Topic Here…", "view/E&dit Topics",
               tip="Start a new topic, named by you, with the question at the reading position"),
    ActionSpec(ActionId.MERGE_TOPIC, "&Merge Topic with Next", "view/E&dit Topics"),
    ActionSpec(ActionId.SPLIT_SECTION, "Split S&ection at This Question", "view/E&dit Topics", separator=True,
               tip="Start a new section with the question at the reading position"),
    ActionSpec(ActionId.ADD_SECTION, "Add Se&ction Here…", "view/E&dit Topics",
               tip="Start a new section, named by you, with the question at the reading position"),
    ActionSpec(ActionId.RESET_TOPICS, "&Reset Topics", "view/E&dit Topics", separator=True,
               tip="Forget your topic edits and show the automatic topics"),
    ActionSpec(ActionId.BOOKMARK, "&Bookmark This Exchange or Turn", "notes", ("Ctrl+D",),
               "Bookmark the question at the reading position (or the turn); again to remove it"),
    ActionSpec(ActionId.HIGHLIGHT, "&Highlight Selection", "notes", ("Ctrl+Shift+H",),
               "Highlight the selected words in the last colour used"),
    *(_choice(Choice.HIGHLIGHT_COLOUR, c, f"&{c.capitalize()}", "notes/Highlight &Colour", c,
              f"Highlight the selection in {c}") for c in COLOURS),
    ActionSpec(ActionId.NOTE, "&Note…", "notes", ("Ctrl+M",),
               "Write a note on the selection, or on the turn at the reading position"),
    ActionSpec(ActionId.EDIT_ANNOTATION, "&Edit Annotation…", "notes", separator=True,
               tip="Edit the note, tags, status and colour of the annotation chosen in the Notes dock"),
    *(_choice(Choice.STATUS, s.name.lower(), s.label or "&No Status", "notes/Attribution &Status", s.value,
              _STATUS_TIP) for s in Status),
    ActionSpec(ActionId.DELETE_ANNOTATION, "&Delete Annotation", "notes", ("Del",),
               "Delete the annotations chosen in the Notes dock", scope="notes"),
    ActionSpec(ActionId.PLAY_QUOTE, "&Play Quote", "notes", ("Ctrl+Shift+P",), separator=True,
               tip="Play the words of the annotation chosen in the Notes dock, from a second before them"),
    ActionSpec(ActionId.MARK_CHECKED, "Mark &Checked Against the Recording", "notes", ("Ctrl+Shift+K",),
               tip="Set the status of the chosen annotation to checked, with the time its words are heard at"),
    ActionSpec(ActionId.RESTORE_NOTES, "&Restore Earlier Notes…", "notes", separator=True,
               tip="Bring back an earlier version of these notes, or a file set aside as damaged"),
    ActionSpec(ActionId.NEXT_TURN, "&Next Turn", "go", ("J",)),
    ActionSpec(ActionId.PREVIOUS_TURN, "&Previous Turn", "go", ("K",)),
    ActionSpec(ActionId.NEXT_QUESTION, "Next &Question", "go", ("N",), separator=True),
    ActionSpec(ActionId.PREVIOUS_QUESTION, "Previous Q&uestion", "go", ("P",)),
    ActionSpec(ActionId.NEXT_SAME_SPEAKER, "Next Turn of the &Same Speaker", "go", ("Alt+Down",), separator=True),
    ActionSpec(ActionId.PREVIOUS_SAME_SPEAKER, "Previous Turn of the Same Spea&ker", "go", ("Alt+Up",)),
    ActionSpec(ActionId.GO_TO_EXCHANGE, "&Go to Exchange…", "go", ("Ctrl+G",), separator=True),
    ActionSpec(ActionId.NEXT_TOPIC, "Next &Topic", "go", ("T",), "Jump to the start of the next topic",
               separator=True),
    ActionSpec(ActionId.PREVIOUS_TOPIC, "Previous T&opic", "go", ("Shift+T",),
               "Jump to the start of this topic, or of the one before when already there"),
    ActionSpec(ActionId.NEXT_SECTION, "Next Sect&ion", "go", ("Ctrl+T",), "Jump to the start of the next section"),
    ActionSpec(ActionId.PREVIOUS_SECTION, "Previous Secti&on", "go", ("Ctrl+Shift+T",),
               "Jump to the start of this section, or of the one before when already there"),
    # Space scrolls the text, as in any reader: the recording answers to Ctrl+Space, and so on.
    ActionSpec(ActionId.PLAY_PAUSE, "&Play or Pause", "play", ("Ctrl+Space",), "Play or pause the recording"),
    ActionSpec(ActionId.PLAY_FROM_HERE, "Play from &Here", "play", ("Ctrl+Shift+Space",),
               "Play the selected words, or from the turn at the reading position"),
    ActionSpec(ActionId.BACK, "&Back 5 Seconds", "play", ("Alt+Left",), separator=True),
    ActionSpec(ActionId.FORWARD, "&Forward 5 Seconds", "play", ("Alt+Right",)),
    ActionSpec(ActionId.SLOWER, "&Slower", "play", ("Alt+-",), "Down to half speed, the pitch kept",
               separator=True),
    ActionSpec(ActionId.FASTER, "F&aster", "play", ("Alt+=",), "Up to twice the speed, the pitch kept"),
    ActionSpec(ActionId.FOLLOW, "F&ollow Along", "play", ("Ctrl+Shift+F",),
               "Keep the turn being played in sight (scrolling away pauses it)", checkable=True, separator=True),
    ActionSpec(ActionId.SYNC_HERE, "This Turn Starts &Now", "play", ("Ctrl+Return",),
               "The turn at the reading position (or the selected words) is heard now: the estimated times follow"),
    ActionSpec(ActionId.SHORTCUTS, "&Keyboard Shortcuts", "help", (SK.HelpContents, "Ctrl+/")),
    ActionSpec(ActionId.ABOUT, "&About Transcript Reader", "help"),
]


def key_sequences(spec: ActionSpec) -> list[QKeySequence]:
    """The shortcuts of an action, standard keys expanded to this platform's bindings, without repeats."""
    sequences: list[QKeySequence] = []
    for key in spec.shortcuts:
        for sequence in (QKeySequence.keyBindings(key) if isinstance(key, SK) else [QKeySequence(key)]):
            if not sequence.isEmpty() and sequence not in sequences:
                sequences.append(sequence)
    return sequences


def _typeable(sequence: QKeySequence) -> bool:
    """False for the dedicated keys of media keyboards (Open, Copy, Zoom In...), which clutter the sheet."""
    return sequence[0].key().value < Qt.Key.Key_Back.value  # type: ignore[index]  # QKeySequence has __getitem__


def _members(family: Choice) -> list[ActionSpec]:
    return [spec for spec in ACTIONS if spec.choice is family]


class ActionRegistry:
    """The QActions of one window, by id, and the menus built from the declarations."""

    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self._groups: dict[Choice, QActionGroup] = {}
        self._bound: set[str] = set()

    def __getitem__(self, action_id: str) -> QAction:
        return self.actions[action_id]

    def build(self, menubar: QMenuBar, local: Mapping[Scope, QWidget] | None = None,
              menus: Mapping[str, QMenu] | None = None) -> None:
        """The menus and every declared action; `local` holds the widget of each scope other than "window".
        `menus` are the top-level MENUS already in the menu bar, by key, when the window made them first."""
        for key, title in MENUS:
            self.menus[key] = menus[key] if menus is not None else menubar.addMenu(title)
        for spec in ACTIONS:
            self._add(spec, (local or {}).get(spec.scope, self.window))

    def _menu(self, path: str) -> QMenu:
        if path not in self.menus:
            parent, _, title = path.rpartition("/")
            self.menus[path] = self._menu(parent).addMenu(title)
        return self.menus[path]

    def _add(self, spec: ActionSpec, owner: QWidget) -> QAction:
        action = QAction(spec.text, self.window)
        action.setObjectName(spec.id)
        action.setShortcuts(key_sequences(spec))
        if spec.tip:
            action.setStatusTip(spec.tip)
        action.setCheckable(spec.checkable)
        if spec.choice is not None:
            group = self._groups.get(spec.choice)
            if group is None:
                group = self._groups[spec.choice] = QActionGroup(self.window)
            group.addAction(action)
        if owner is not self.window:
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        owner.addAction(action)
        menu = self._menu(spec.menu)
        if spec.separator and menu.actions():
            menu.addSeparator()
        menu.addAction(action)
        self.actions[spec.id] = action
        return action

    # --- what the commands do -----------------------------------------------------------------------

    def bind(self, action_id: ActionId, handler: Callable[..., object]) -> None:
        """What a command does: `handler()`, or `handler(checked)` for a checkable one. Once per command."""
        action = self._take(action_id)
        if action.isCheckable():
            action.toggled.connect(handler)
        else:
            action.triggered.connect(lambda _checked=False: handler())

    def bind_choice(self, family: Choice, handler: Callable[[Any], object]) -> None:
        """What choosing a member of a family does: `handler(argument)` with the member's argument."""
        for spec in _members(family):
            self._take(spec.id).triggered.connect(lambda _checked=False, a=spec.argument: handler(a))

    def _take(self, action_id: str) -> QAction:
        if action_id in self._bound:
            raise ValueError(f"action {action_id!r} is bound twice")
        self._bound.add(action_id)
        return self.actions[action_id]

    def check_bound(self) -> None:
        """Raise when a declared command has nothing bound: a start-up failure, not a dead menu item."""
        unbound = [spec.id for spec in ACTIONS if spec.id not in self._bound]
        if unbound:
            raise RuntimeError(f"actions declared but not bound: {', '.join(unbound)}")

    # --- their state, set from what they act on ---------------------------------------------------------

    def set_checked(self, action_id: ActionId, checked: bool) -> None:
        """Tick or untick a checkable command to show a state it did not cause (its callable is not called)."""
        action = self.actions[action_id]
        with QSignalBlocker(action):
            action.setChecked(checked)

    def show_choice(self, family: Choice, argument: Any) -> None:
        """Tick the member of a family whose argument this is, or none when no member has it. Nothing bound is
        called: a family's callable answers only to the user's choice (``triggered``), never to a tick."""
        for spec in _members(family):
            if spec.argument == argument:
                self.actions[spec.id].setChecked(True)  # the group unticks the others
                return
        checked = self._groups[family].checkedAction()
        if checked is not None:
            checked.setChecked(False)

    def set_enabled(self, action_ids: Iterable[str], enabled: bool) -> None:
        for action_id in action_ids:
            self.actions[action_id].setEnabled(enabled)

    def shortcut_rows(self) -> list[tuple[str, str, str]]:
        """(menu, command, keys) for every declared action, in menu order, for the shortcut sheet."""
        titles = dict(MENUS)
        rows = []
        for key, _ in MENUS:
            for spec in ACTIONS:
                if spec.menu.split("/")[0] != key:
                    continue
                keys = ", ".join(s.toString(QKeySequence.SequenceFormat.NativeText) for s in key_sequences(spec)
                                 if _typeable(s))
                where = "/".join([titles[key], *spec.menu.split("/")[1:]]).replace("&", "")
                rows.append((where, spec.text.replace("&", "").rstrip("…"), keys))
        return rows
