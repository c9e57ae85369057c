"""Every change a user makes, as an undoable command (a QUndoCommand) on the open transcript's notes, one module
per subject: annotations, speakers, topics, recording. A command only calls `TranscriptNotes`; the notes tell their
listeners, and every view refreshes from that change, whether it came from a command, its undo, or another
window's save. Commands are pushed on the session's undo stack (`reader.ui.session.ReaderSession.push`).
"""
