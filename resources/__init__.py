"""The program's data files, shipped inside the package as `reader.resources` (pyproject.toml maps this folder
there): the application icon (SVG and the PNGs made from it, in icons/), the desktop entry, the MIME types it adds
and the AppStream metadata. Read them with `importlib.resources.files("reader.resources")`, which finds them in an
installed wheel as in a clone."""
