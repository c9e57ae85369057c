"""Everything the user adds to a transcript, as one subsystem: annotations and their anchors (re-attached when
the text changes), one transcript's notes in memory, the notes files on disk (atomic writes, backups,
conflicts), the store (data folder and index), the schema and its migrations, merging, import and W3C
interchange, and export with its formats."""
