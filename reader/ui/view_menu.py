"""The reading view's context menu: the commands of the menus that act on the words under the pointer.

A right click moves the reading position to the turn (or the exchange's header) under the pointer, and keeps a
selection, so the menu's commands act where the reader points: copy or cite the selected words, highlight or
annotate them, bookmark the turn, rename its topic or its speaker, or read only that speaker. They are the
menus' own actions (the same shortcuts, enabled and disabled as there), not copies.
"""

from __future__ import annotations

from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QMenu, QWidget

from reader.ui.actions import ActionId, ActionRegistry

# In the order a reader uses them on words: take them out, mark them, then what they belong to.
COMMANDS = (ActionId.COPY, ActionId.COPY_CITATION, None, ActionId.HIGHLIGHT, ActionId.NOTE, ActionId.BOOKMARK, None,
            ActionId.RENAME_TOPIC, ActionId.RENAME_SPEAKER, ActionId.SHOW_ONLY_SPEAKER)


def view_menu(registry: ActionRegistry, parent: QWidget) -> QMenu:
    """The menu of COMMANDS (None: a separator)."""
    menu = QMenu(parent)
    menu.setObjectName("view_menu")
    for action_id in COMMANDS:
        if action_id is None:
            menu.addSeparator()
        else:
            menu.addAction(registry[action_id])
    return menu


def show_at(menu: QMenu, viewport: QWidget, position: QPoint) -> None:
    """Open the menu where the reader clicked (`position` in the view's viewport)."""
    menu.popup(viewport.mapToGlobal(position))
