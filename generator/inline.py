"""The author's text pipeline: paragraphs split by blank lines, *italic* and **bold** only.

Everything else the author types is kept as characters: `<b>`, `&`, `#` are text, never
markup, in every output format. A marker without its partner prints as typed.
"""

from __future__ import annotations

import re

from generator.doctree import Inline, Run

_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t]*\n[ \t]*|[ \t]{2,}")
_TOKENS = re.compile(r"(\\\*|\*{1,3})")


def paragraphs(text: str | None) -> list[str]:
    """Split prose into paragraphs at blank lines; single line breaks become spaces."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n").strip()
    if not text:
        return []
    return [_SPACES.sub(" ", part).strip() for part in _BLANK_LINE.split(text) if part.strip()]


def parse_inline(text: str) -> Inline:
    """Runs of one paragraph: paired `*`/`**`/`***` style the text between them.

    A marker opens only before a non-space and closes only after one, so "5 * 3" and a
    lone "**" print as typed; `\\*` is a literal asterisk.
    """
    tokens = _TOKENS.split(text)
    toggles = _pair_markers(tokens)
    runs: list[Run] = []
    bold = italic = False
    for i, token in enumerate(tokens):
        if i % 2 == 0:
            _append(runs, token, bold, italic)
        elif token == "\\*":
            _append(runs, "*", bold, italic)
        elif i in toggles:
            for kind in toggles[i]:
                bold, italic = (not bold, italic) if kind == 2 else (bold, not italic)
            literal = "*" * (len(token) - sum(toggles[i]))
            _append(runs, literal, bold, italic)
        else:
            _append(runs, token, bold, italic)
    return tuple(runs)


def _pair_markers(tokens: list[str]) -> dict[int, list[int]]:
    """Which marker tokens open or close styling, and of which kind (1 italic, 2 bold)."""
    stack: list[tuple[int, int]] = []  # (token index, kind) of openers not yet closed
    used: dict[int, list[int]] = {}
    for i in range(1, len(tokens), 2):
        token = tokens[i]
        if token == "\\*":
            continue
        before, after = tokens[i - 1][-1:], tokens[i + 1][:1]
        can_close, can_open = bool(before.strip()), bool(after.strip())
        kinds = [2, 1] if len(token) == 3 else [len(token)]
        remaining = list(kinds)
        if can_close:
            for kind in sorted(kinds):
                opener = next((j for j in range(len(stack) - 1, -1, -1)
                               if stack[j][1] == kind), None)
                if opener is None:
                    continue
                index, _ = stack[opener]
                del stack[opener:]
                used.setdefault(index, []).append(kind)
                used.setdefault(i, []).append(kind)
                remaining.remove(kind)
        if can_open:
            stack.extend((i, kind) for kind in remaining)
    return used


def _append(runs: list[Run], text: str, bold: bool, italic: bool) -> None:
    """Add text as a run, merging with the previous run when the styling is the same."""
    if not text:
        return
    if runs and runs[-1].bold == bold and runs[-1].italic == italic:
        runs[-1] = Run(runs[-1].text + text, bold, italic)
    else:
        runs.append(Run(text, bold, italic))


def inline_paragraphs(text: str | None) -> list[Inline]:
    """Every paragraph of some prose, as runs."""
    return [parse_inline(p) for p in paragraphs(text)]


def one_line(text: str | None) -> str:
    """Prose that must fit in one paragraph (a bullet, a label) with markup kept as typed."""
    return " ".join(paragraphs(text))


def inline(text: str | None) -> Inline:
    """A single-paragraph text (bullet point, quote) as runs; blank lines become spaces."""
    return parse_inline(one_line(text))
