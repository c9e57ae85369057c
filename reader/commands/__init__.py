"""Sub-commands of the command line, each beside what it drives. Each module has ``register(subparsers)``,
which adds its parser and sets ``func``; `common` holds what they share (`CommandError`, `open_transcript`,
`add_common`)."""
