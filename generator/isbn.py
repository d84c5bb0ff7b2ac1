"""ISBN-10 and ISBN-13 check digits, so a mistyped number never reaches the colophon."""

from __future__ import annotations

import re
from dataclasses import dataclass

_ALLOWED = re.compile(r"[0-9Xx][0-9Xx -]*")
PATTERN = r"^(?:[0-9][- ]?){9}[0-9Xx]$|^(?:[0-9][- ]?){12}[0-9]$"


@dataclass(frozen=True)
class IsbnFault:
    """Why an ISBN is wrong: a message key and what to fill into it."""

    key: str
    detail: dict[str, str]


def digits_of(text: str) -> str:
    """The digits (and a final X) of an ISBN as written with hyphens or spaces."""
    return text.replace("-", "").replace(" ", "").upper()


def check_isbn(text: str) -> IsbnFault | None:
    """None when `text` is a valid ISBN-10 or ISBN-13, else what is wrong with it."""
    written = text.strip()
    if not _ALLOWED.fullmatch(written) or written.endswith(("-", " ")):
        return IsbnFault("validate.isbn_chars", {})
    digits = digits_of(written)
    if len(digits) not in (10, 13):
        return IsbnFault("validate.isbn_length", {"count": str(len(digits))})
    if "X" in digits[:-1] or (len(digits) == 13 and digits.endswith("X")):
        return IsbnFault("validate.isbn_chars", {})
    if len(digits) == 13 and not digits.startswith(("978", "979")):
        return IsbnFault("validate.isbn_prefix", {})
    expected = check_digit(digits[:-1])
    if digits[-1] != expected:
        return IsbnFault("validate.isbn_check", {"expected": expected})
    return None


def check_digit(body: str) -> str:
    """The check digit that completes the first 9 (ISBN-10) or 12 (ISBN-13) digits."""
    numbers = [int(d) for d in body]
    if len(numbers) == 9:
        remainder = (11 - sum((10 - i) * d for i, d in enumerate(numbers)) % 11) % 11
        return "X" if remainder == 10 else str(remainder)
    if len(numbers) == 12:
        total = sum(d * (3 if i % 2 else 1) for i, d in enumerate(numbers))
        return str((10 - total % 10) % 10)
    raise ValueError("an ISBN body has 9 or 12 digits")
