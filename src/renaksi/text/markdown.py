"""Plan text inside Markdown: escaped so that it stays text.

Used by the Markdown report templates (as Jinja's ``finalize``) and the pull-request
comment of ``renaksi diff``. Narrative chapters are Markdown themselves: they keep their
formatting, but raw HTML in them shows as text (:func:`inert_html`), as in the HTML report.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from renaksi.text.controls import show_controls

_MD_SPECIAL = re.compile(r"([\\`*_\[\]|#~])")


def escape_markdown(value: object) -> str:
    """Make plan text inert in Markdown: no emphasis, links, HTML or table breaks."""
    from markupsafe import Markup

    if isinstance(value, Markup):
        return str(value)
    text = "" if value is None else str(show_controls(value))
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_SPECIAL.sub(r"\\\1", text)
    return " ".join(text.splitlines()) if "\n" in text or "\r" in text else text


#: What could start raw HTML (any ``<``), except an http(s) or mailto autolink, which never
#: can: its scheme is followed by ``:``, which no tag name is.
_RAW_HTML = re.compile(r"<(?:https?|mailto):[^\x00-\x20<>]*>|<", re.IGNORECASE)


def _inert(match: re.Match[str]) -> str:
    return "&lt;" if match.group() == "<" else match.group()


def inert_html(source: str, code_lines: Callable[[str], Iterable[int]]) -> str:
    """Narrative Markdown whose raw HTML shows as text, as the HTML report shows it
    (rendered with markdown-it ``html=False``); emphasis, lists, links, code stay Markdown.

    Every ``<`` outside code becomes ``&lt;``: then no HTML block or tag can start anywhere,
    whatever a renderer makes of code spans across lines or table cells. Inside code a
    ``&lt;`` would show literally, so the lines that ``code_lines`` names (0-based, given
    the escaped text, whose block structure is the one a reader's renderer sees) get their
    ``<`` back. Inline code keeps ``&lt;``: deciding where a code span ends would need the
    whole inline grammar, and a rare ``&lt;`` in inline code is the safe mistake.
    """
    text = str(show_controls(source))
    escaped = _RAW_HTML.sub(_inert, text)
    if escaped == text:
        return text
    # Escaping never adds or removes a line break: line i is line i in both.
    lines, originals = escaped.split("\n"), text.split("\n")
    for index in code_lines(escaped):
        lines[index] = originals[index]
    return "\n".join(lines)


# --- the narrative's own Markdown, without markdown-it ----------------------------------
#
# markdown-it-py is pure Python: some 1.2 ms per agency's seven chapters and 12 ms to
# import, more than the rest of a report's narrative costs. Real chapters use a small part
# of CommonMark: paragraphs, ATX headings, tight "-" and "1." lists, ``*`` emphasis. For
# text made only of that, :func:`simple_html` writes the HTML markdown-it would write; for
# anything else (a character or a line shape it does not know) it says None and the caller
# asks markdown-it. tests/test_markdown_fast.py holds it to markdown-it, byte for byte.

#: Characters that start an inline construct other than ``*`` emphasis (escapes, code,
#: ``_`` emphasis, links and images, autolinks and raw HTML, entities), or that the block
#: grammar treats specially (``~`` fences, ``|``), and any whitespace but space and line
#: feed (tabs count as indentation, Unicode spaces change emphasis flanking, CR a line end).
_NOT_SIMPLE = re.compile(
    # One class (the whitespace is str.isspace's, less space and line feed): an alternation
    # with [^\S \n] made this search most of the time of a chapter.
    "[\\\\`_\\[\\]<&~|\x00\t\x0b\x0c\r\x1c-\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]"
)
_HEADING = re.compile(r"(#{1,6}) ([^ ].*)")
_ITEM = re.compile(r"(-|[1-9][0-9]{0,2}\.) (.*)")
#: A line that an ordered list marker starts (markdown-it takes ``1.`` and ``1)``).
_MARKER_LIKE = re.compile(r"[0-9]+[.)](?: |$)")
_LEADING_STARS = re.compile(r"\*{1,3}[^ *]")
_STARS = re.compile(r"(\*+)")
_EMPHASIS = {
    1: ("<em>", "</em>"),
    2: ("<strong>", "</strong>"),
    3: ("<em><strong>", "</strong></em>"),
}
#: After a closing run, besides a space or the end: punctuation that keeps it a closer only
#: (not also an opener) when a letter or digit comes before the run.
_CLOSING_PUNCTUATION = ".,:;)"


def _starts_text(line: str) -> bool:
    """True when ``line`` (at its block's indentation) can only start or continue a
    paragraph: not a heading, list item, quote, rule, fence, setext underline or code."""
    first = line[:1]
    if first.isalnum():
        return not _MARKER_LIKE.match(line)
    if first == "*":
        return _LEADING_STARS.match(line) is not None
    return first in "(\"'“‘"


def _escape_text(text: str) -> str:
    # & and < never reach here (_NOT_SIMPLE); markdown-it escapes these two as well.
    return text.replace(">", "&gt;").replace('"', "&quot;")


def _simple_inline(source: str) -> str | None:
    """The inline HTML of a block's text, or None when its emphasis is not of the plain
    kind: runs of one to three ``*`` that open after a space or a line start and close
    before a space, a line end or closing punctuation, paired in turn with equal lengths."""
    parts = _STARS.split(source)
    out = [_escape_text(parts[0])]
    opened = 0
    for index in range(1, len(parts), 2):
        run, before, after = parts[index], parts[index - 1][-1:], parts[index + 1][:1]
        if len(run) > 3:
            return None
        if not opened and before in ("", " ", "\n") and after not in ("", " ", "\n"):
            opened = len(run)
            out.append(_EMPHASIS[opened][0])
        elif (
            opened == len(run)
            and before not in ("", " ", "\n")
            and (after in ("", " ", "\n") or (after in _CLOSING_PUNCTUATION and before.isalnum()))
        ):
            out.append(_EMPHASIS[opened][1])
            opened = 0
        else:
            return None
        out.append(_escape_text(parts[index + 1]))
    return None if opened else "".join(out)


class _NotSimpleError(Exception):
    """The text uses Markdown beyond :func:`simple_html`'s part."""


class _Blocks:
    """The HTML of the blocks read so far, and the paragraph or list still open."""

    def __init__(self) -> None:
        self.html: list[str] = []
        self.paragraph: list[str] = []
        self.list_tag = ""  # "ul" or "ol" while a list is open
        self.items: list[list[str]] = []
        self.indent = 0
        self.closed_list = ""  # the kind of list a blank line just ended

    def inline(self, lines: list[str]) -> str:
        html = _simple_inline("\n".join(lines))
        if html is None:
            raise _NotSimpleError
        return html

    def close(self) -> None:
        if self.paragraph:
            self.html.append(f"<p>{self.inline(self.paragraph)}</p>\n")
            self.paragraph = []
        if self.list_tag:
            self.html.extend(f"<li>{self.inline(item)}</li>\n" for item in self.items)
            self.html.append(f"</{self.list_tag}>\n")
            self.closed_list, self.list_tag, self.items = self.list_tag, "", []

    def heading(self, line: str) -> None:
        match = _HEADING.fullmatch(line)
        if match is None or self.list_tag or line.endswith("#"):
            raise _NotSimpleError
        self.close()
        level = len(match.group(1))
        self.html.append(f"<h{level}>{self.inline([match.group(2)])}</h{level}>\n")
        self.closed_list = ""

    def item(self, marker: str, content: str) -> None:
        tag = "ul" if marker == "-" else "ol"
        if self.paragraph or not _starts_text(content):
            raise _NotSimpleError  # a list interrupting a paragraph, or a nested block
        if self.list_tag != tag:
            # A list right after another kind, or a blank line inside one (a loose list).
            if self.list_tag or self.closed_list == tag:
                raise _NotSimpleError
            self.list_tag = tag
            start = "" if tag == "ul" or marker == "1." else f' start="{marker[:-1]}"'
            self.html.append(f"<{tag}{start}>\n")
        self.items.append([content])
        self.indent = len(marker) + 1
        self.closed_list = ""

    def line(self, line: str) -> None:
        if line.startswith(" "):
            content = line[self.indent :]
            if not self.list_tag or line[: self.indent].strip() or not _starts_text(content):
                raise _NotSimpleError
            self.items[-1].append(content)
        elif not _starts_text(line) or self.list_tag:
            raise _NotSimpleError  # a block of another kind, or a lazy continuation line
        else:
            self.paragraph.append(line)
            self.closed_list = ""


def simple_html(text: str) -> str | None:
    """``text`` as markdown-it's CommonMark HTML (``html=False``), when it is made only of
    paragraphs, ATX headings, tight ``-`` and ``1.`` lists and plain ``*`` emphasis; else
    None."""
    if _NOT_SIMPLE.search(text):
        return None
    blocks = _Blocks()
    try:
        for line in text.split("\n"):
            if not line:
                blocks.close()
            elif line.endswith(" "):
                return None  # a hard break, or spaces markdown-it strips
            elif line.startswith("#"):
                blocks.heading(line)
            elif (item := _ITEM.match(line)) is not None:
                blocks.item(item.group(1), item.group(2))
            else:
                blocks.line(line)
        blocks.close()
    except _NotSimpleError:
        return None
    return "".join(blocks.html)
