"""Column widths of a table, from its content, shared by every renderer.

The composer says what a table holds, not how wide its columns are; each renderer asks
this module, so a table looks the same in Word and in the PDF. A column gets room in
proportion to what it has to show: its longest cell (long text wraps, so capped) but
never less than its header's longest word, which must not break mid-word.
"""

from __future__ import annotations

from generator.doctree import Table

WRAP_AT = 28  # characters; a longer cell wraps instead of widening its column
PADDING = 3  # characters of room for cell padding on both sides
BOLD = 1.1  # header text is bold and runs a little wider


def column_weights(table: Table) -> tuple[float, ...]:
    """Relative widths of the columns (sum is arbitrary; renderers scale to the text width)."""
    weights = []
    for index, header in enumerate(table.columns):
        cells = [row[index] for row in table.rows if index < len(row)]
        longest_cell = max((len(cell) for cell in cells), default=0)
        header_word = max((len(word) for word in header.split()), default=0)
        need = max(min(longest_cell, WRAP_AT), header_word * BOLD)
        weights.append(need + PADDING)
    return tuple(weights)


def column_widths(table: Table, total: float) -> list[float]:
    """The columns' widths in the unit of `total` (points, twips …), summing to `total`."""
    weights = column_weights(table)
    whole = sum(weights)
    return [total * weight / whole for weight in weights]
