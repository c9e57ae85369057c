"""The sample interview the reader opens when no file is given, shipped inside the package as `reader.seeds`
(pyproject.toml maps this folder there), so an installed program has it too."""
