"""A small PDF writer for test fixtures and benchmarks: pages of text lines in a standard font, a page that is
only an image (a scan), and the standard security handler (RC4, 40-bit) for encrypted files.

Written by hand rather than taken from a PDF-making library: the fixtures need nothing beyond text placed at
points, and the output is byte-for-byte the same on every run (no dates, no random ids).
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

# A line of text drawn at (x, y) in points from the page's lower left corner.
Line = tuple[float, float, str]

WIDTH, HEIGHT = 612, 792  # US Letter
_PAD = bytes.fromhex("28BF4E5E4E758A4164004E56FFFA01082E2E00B6D0683E802F0CA9FE6453697A")


@dataclass(frozen=True)
class Page:
    lines: Sequence[Line] = ()
    scan: bool = False  # an image covering the page, as a scanner makes (with `lines`, a stamp on it)


def _escape(text: str) -> bytes:
    raw = text.encode("cp1252", errors="replace")
    return raw.replace(b"\\", b"\\\\").replace(b"(", b"\\(").replace(b")", b"\\)")


def _rc4(key: bytes, data: bytes) -> bytes:
    s = list(range(256))
    j = 0
    for i in range(256):
        j = (j + s[i] + key[i % len(key)]) % 256
        s[i], s[j] = s[j], s[i]
    out = bytearray()
    i = j = 0
    for byte in data:
        i = (i + 1) % 256
        j = (j + s[i]) % 256
        s[i], s[j] = s[j], s[i]
        out.append(byte ^ s[(s[i] + s[j]) % 256])
    return bytes(out)


def _content(page: Page, font_size: float) -> bytes:
    parts = [b"q 512 0 0 692 50 50 cm /Scan Do Q\n"] if page.scan else []
    parts.append(b"BT\n")
    for x, y, text in page.lines:
        parts.append(b"/F1 %.1f Tf 1 0 0 1 %.2f %.2f Tm (%s) Tj\n" % (font_size, x, y, _escape(text)))
    parts.append(b"ET\n")
    return b"".join(parts)


def write_pdf(pages: Sequence[Page], *, font: str = "Courier", font_size: float = 12, title: str | None = None,
              user_password: str | None = None, owner_password: str = "owner") -> bytes:
    """The bytes of a PDF of `pages`. With `user_password` set (even to ""), the file is encrypted; a reader
    needs that password to open it ("" opens without asking, as a file restricted only in what may be done)."""
    objects: list[bytes] = []  # object n is objects[n - 1]

    def add(body: bytes) -> int:
        objects.append(body)
        return len(objects)

    catalog = add(b"")  # filled in once the page tree's number is known
    font_obj = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /%s /Encoding /WinAnsiEncoding >>" % font.encode())
    scan_obj = add(b"")  # an 8x8 grey image, used by scanned pages
    streams: dict[int, bytes] = {scan_obj: bytes(range(0, 256, 4))}
    objects[scan_obj - 1] = b"<< /Type /XObject /Subtype /Image /Width 8 /Height 8 /ColorSpace /DeviceGray " \
                            b"/BitsPerComponent 8"
    tree = add(b"")
    kids = []
    for page in pages:
        content = add(b"<<")
        streams[content] = _content(page, font_size)
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox [0 0 %d %d] /Contents %d 0 R "
                        b"/Resources << /Font << /F1 %d 0 R >> /XObject << /Scan %d 0 R >> >> >>"
                        % (tree, WIDTH, HEIGHT, content, font_obj, scan_obj)))
    objects[tree - 1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    objects[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R >>" % tree
    info = add(b"<< /Title (%s) >>" % _escape(title)) if title else None

    file_id = hashlib.md5(b"".join(objects) + b"".join(streams.values())).digest()
    key = None
    encrypt = None
    if user_password is not None:
        key, owner_entry, user_entry = _security(user_password, owner_password, file_id)
        encrypt = add(b"<< /Filter /Standard /V 1 /R 2 /Length 40 /P -4 /O <%s> /U <%s> >>"
                      % (owner_entry.hex().encode(), user_entry.hex().encode()))
        if info:  # strings are encrypted too
            title_bytes = _rc4(_object_key(key, info), title.encode("cp1252", errors="replace"))  # type: ignore[union-attr]
            objects[info - 1] = b"<< /Title <%s> >>" % title_bytes.hex().encode()

    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number
        if number in streams:
            data = streams[number]
            if key is not None:
                data = _rc4(_object_key(key, number), data)
            head = body[:-2] if body.endswith(b">>") else body
            out += head + b" /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"
        else:
            out += body
        out += b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    trailer = b"/Size %d /Root %d 0 R /ID [<%s> <%s>]" % (len(objects) + 1, catalog, file_id.hex().encode(),
                                                          file_id.hex().encode())
    if info:
        trailer += b" /Info %d 0 R" % info
    if encrypt:
        trailer += b" /Encrypt %d 0 R" % encrypt
    out += b"trailer\n<< %s >>\nstartxref\n%d\n%%%%EOF\n" % (trailer, xref)
    return bytes(out)


def _security(user: str, owner: str, file_id: bytes) -> tuple[bytes, bytes, bytes]:
    """The file key and the /O and /U entries of the standard security handler, revision 2."""
    def pad(password: str) -> bytes:
        return (password.encode("latin-1") + _PAD)[:32]

    owner_entry = _rc4(hashlib.md5(pad(owner)).digest()[:5], pad(user))
    permissions = (-4).to_bytes(4, "little", signed=True)
    key = hashlib.md5(pad(user) + owner_entry + permissions + file_id).digest()[:5]
    return key, owner_entry, _rc4(key, _PAD)


def _object_key(key: bytes, number: int) -> bytes:
    return hashlib.md5(key + number.to_bytes(3, "little") + b"\x00\x00").digest()[:10]


def text_pages(paragraphs: Sequence[str], *, chars_per_line: int = 80, lines_per_page: int = 50,
               font_size: float = 11) -> list[Page]:
    """Paragraphs wrapped at `chars_per_line` and laid out top to bottom, a blank line between paragraphs."""
    rows: list[str | None] = []
    for paragraph in paragraphs:
        line = ""
        for word in paragraph.split():
            if line and len(line) + 1 + len(word) > chars_per_line:
                rows.append(line)
                line = word
            else:
                line = f"{line} {word}" if line else word
        if line:
            rows.append(line)
        rows.append(None)
    pages = []
    leading = font_size * 1.25
    for first in range(0, len(rows), lines_per_page):
        chunk = rows[first:first + lines_per_page]
        pages.append(Page([(72, HEIGHT - 72 - i * leading, row) for i, row in enumerate(chunk) if row]))
    return pages or [Page()]
