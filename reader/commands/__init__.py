"""Sub-commands of the command line, each beside what it drives. Each module has
``register(subparsers, add_common)`` that adds its parser and sets ``func``."""
