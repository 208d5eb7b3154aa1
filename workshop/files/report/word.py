"""The report as a Word document leadership can edit (python-docx), written from the HTML report itself so
that it holds the same content under the same headings in the same order: h1-h4 become Heading 1-4,
paragraphs and list items stay paragraphs and bullets, every table a Word table.

Charts are not drawn: a picture of a plotly chart needs kaleido (and a browser), which this installation
does not have. Every chart in the report sits beside a table of its figures (the coverage and gaps, the
ratings, each choice question, each dot vote, the network circle per stage and sector), and those tables
are in the Word document; the four spaces map and the charts themselves are left out.

All text goes into plain Word runs (w:t): nothing a user typed is read as a field, a hyperlink or markup."""

from __future__ import annotations

import io
import re
from html.parser import HTMLParser
from xml.sax.saxutils import escape

from docx import Document
from docx.document import Document as WordDocument
from docx.oxml.ns import nsdecls
from docx.oxml.parser import parse_xml
from docx.shared import RGBColor

SKIPPED = {"script", "style", "svg", "head"}  # nothing a reader sees in the document's flow
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")  # characters XML 1.0 cannot hold
MUTED = RGBColor(0x66, 0x66, 0x66)
OVERDUE = RGBColor(0xB2, 0x18, 0x2B)


def plain(text: str) -> str:
    return NOT_XML.sub("", text)


class _Writer(HTMLParser):
    """Reads the report's HTML (as workshop.files.report.document writes it) into a Word document."""

    def __init__(self, document: WordDocument) -> None:
        super().__init__(convert_charrefs=True)
        self.document = document
        self.hidden = 0  # inside a script, style, svg, head or chart
        self.plot_divs = 0  # div depth inside a chart (<div class="plot">)
        self.block: str | None = None  # "h1".."h4", "p", "li" while its text is read
        self.css = ""
        self.runs: list[tuple[str, bool]] = []  # (text, bold) of the block being read
        self.bold = 0
        self.rows: list[tuple[list[str], bool, str]] | None = None  # cells, header row, row class
        self.cell: list[str] | None = None
        self.title = ""
        self.in_title = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        css = dict(attrs).get("class") or ""
        if self.plot_divs or (tag == "div" and "plot" in css.split()):
            self.plot_divs += tag == "div"
            return
        if tag == "title":
            self.in_title = True
        if tag in SKIPPED:
            self.hidden += 1
        elif self.hidden:
            return
        elif tag in ("h1", "h2", "h3", "h4", "p", "li"):
            self.block, self.css, self.runs = tag, css, []
        elif tag in ("strong", "b"):
            self.bold += 1
        elif tag == "table":
            self.rows = []
        elif tag == "tr" and self.rows is not None:
            self.rows.append(([], False, css))
        elif tag in ("td", "th") and self.rows:
            self.cell = []
            if tag == "th":
                cells, _header, row_css = self.rows[-1]
                self.rows[-1] = (cells, True, row_css)

    def handle_endtag(self, tag: str) -> None:
        if self.plot_divs:
            self.plot_divs -= tag == "div"
            return
        if tag == "title":
            self.in_title = False
        if tag in SKIPPED:
            self.hidden -= 1
        elif self.hidden:
            return
        elif tag == self.block:
            self._block()
        elif tag in ("strong", "b"):
            self.bold = max(0, self.bold - 1)
        elif tag in ("td", "th") and self.cell is not None and self.rows:
            self.rows[-1][0].append("".join(self.cell))
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._table(self.rows)
            self.rows = None

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title += data
        if self.hidden or self.plot_divs:
            return
        if self.cell is not None:
            self.cell.append(data)
        elif self.block is not None:
            self.runs.append((data, self.bold > 0))

    def _block(self) -> None:
        tag, runs = self.block or "", self.runs
        self.block, self.runs = None, []
        if tag.startswith("h"):
            self.document.add_heading(plain("".join(text for text, _ in runs)), int(tag[1]))
            return
        paragraph = self.document.add_paragraph(style="List Bullet" if tag == "li" else None)
        for text, bold in runs:
            run = paragraph.add_run(plain(text))
            run.bold = bold or None
            if "muted" in self.css.split():
                run.italic = True
                run.font.color.rgb = MUTED

    def _table(self, rows: list[tuple[list[str], bool, str]]) -> None:
        if not rows:
            return
        width = max(len(cells) for cells, _, _ in rows)
        table = self.document.add_table(rows=0, cols=width)
        table.style = "Table Grid"
        # The rows are written as WordprocessingML text and parsed once: python-docx's row and cell API costs
        # about 0.3 ms a cell, and the appendix of a large week has tens of thousands of rows.
        body = "".join(_row([*cells, *[""] * (width - len(cells))], header, css) for cells, header, css in rows)
        for tr in list(parse_xml(f"<w:tbl {nsdecls('w')}>{body}</w:tbl>")):
            table._tbl.append(tr)


def _row(cells: list[str], header: bool, css: str) -> str:
    """One table row: a header row is bold and repeated on each printed page; an overdue row is red and bold."""
    looks = "<w:b/>" if header or css == "overdue" else ""
    looks += f'<w:color w:val="{OVERDUE}"/>' if css == "overdue" else ""
    run_properties = f"<w:rPr>{looks}</w:rPr>" if looks else ""
    row_properties = "<w:trPr><w:tblHeader/></w:trPr>" if header else ""
    tcs = "".join(f"<w:tc><w:p><w:r>{run_properties}{_text(value)}</w:r></w:p></w:tc>" for value in cells)
    return f"<w:tr>{row_properties}{tcs}</w:tr>"


def _text(value: str) -> str:
    """A cell's text as plain w:t elements (escaped), a line break where the text has one."""
    lines = plain(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<w:br/>".join(f'<w:t xml:space="preserve">{escape(line)}</w:t>' for line in lines)


def to_docx(report_html: str) -> bytes:
    """The HTML report as a .docx file."""
    document = Document()
    writer = _Writer(document)
    writer.feed(report_html)
    writer.close()
    document.core_properties.title = plain(writer.title)[:255]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
