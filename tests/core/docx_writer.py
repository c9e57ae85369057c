"""Word documents for tests, written as Word writes them: a zip of WordprocessingML parts.

    docx(para(bold("Maria:"), " Hello."), para("More words", style="Heading1"), title="An interview")

A run's text may hold "\\n" (a soft line break, `<w:br/>`) and "\\t" (`<w:tab/>`).
"""

from __future__ import annotations

import io
import zipfile
from xml.sax.saxutils import escape

_NS = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'
_STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles {_NS}>
<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>
<w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/></w:style>
<w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/></w:style>
<w:style w:type="paragraph" w:styleId="berschrift3"><w:name w:val="heading 3"/></w:style>
<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:b/></w:rPr></w:style>
</w:styles>"""
_CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/word/document.xml"
 ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>
</Types>"""
_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument"
 Target="word/document.xml"/>
</Relationships>"""


def run(text: str, *, bold: bool = False, strong: bool = False) -> str:
    properties = "<w:rPr><w:b/></w:rPr>" if bold else '<w:rPr><w:rStyle w:val="Strong"/></w:rPr>' if strong else ""
    pieces = []
    for i, line in enumerate(text.split("\n")):
        if i:
            pieces.append("<w:br/>")
        for j, part in enumerate(line.split("\t")):
            if j:
                pieces.append("<w:tab/>")
            if part:
                pieces.append(f'<w:t xml:space="preserve">{escape(part)}</w:t>')
    return f"<w:r>{properties}{''.join(pieces)}</w:r>"


def bold(text: str) -> str:
    return run(text, bold=True)


def para(*runs: str, style: str | None = None) -> str:
    """A paragraph of runs; a plain string is a run without formatting."""
    properties = f'<w:pPr><w:pStyle w:val="{style}"/></w:pPr>' if style else ""
    body = "".join(r if r.startswith("<w:") else run(r) for r in runs)
    return f"<w:p>{properties}{body}</w:p>"


def table(rows: list[list[str]]) -> str:
    cells = "".join("<w:tr>" + "".join(f"<w:tc>{para(cell)}</w:tc>" for cell in row) + "</w:tr>" for row in rows)
    return f"<w:tbl>{cells}</w:tbl>"


def docx(*body: str, title: str | None = None, created: str | None = None, styles: bool = True) -> bytes:
    document = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document {_NS}><w:body>'
                + "".join(body) + "<w:sectPr/></w:body></w:document>")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zipped:
        def write(name: str, text: str) -> None:  # a fixed date, so the same document makes the same bytes
            zipped.writestr(zipfile.ZipInfo(name, date_time=(2024, 1, 1, 0, 0, 0)), text, zipfile.ZIP_DEFLATED)

        write("[Content_Types].xml", _CONTENT_TYPES)
        write("_rels/.rels", _RELS)
        write("word/document.xml", document)
        if styles:
            write("word/styles.xml", _STYLES)
        if title or created:
            write("docProps/core.xml", (
                '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties"'
                ' xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/"'
                ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">'
                + (f"<dc:title>{escape(title)}</dc:title>" if title else "")
                + (f'<dcterms:created xsi:type="dcterms:W3CDTF">{created}</dcterms:created>' if created else "")
                + "</cp:coreProperties>"))
    return out.getvalue()
