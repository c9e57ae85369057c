"""One module per layout. Each exposes NAME, ``sniff(text) -> float`` (0..1, how sure it is that the
text is in its layout; defined in `sniffing.py`, so that detection imports no parser) and ``parse(text, builder)``.
`detect.py` picks one and imports its module."""
