"""Text stage helpers: debris removal, normalisation and sentence splitting."""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from functools import cache

from graph.resources import load_yaml


@dataclass(frozen=True)
class Sentence:
    index: int
    text: str
    start: int  # offset in the cleaned document text


@cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]:
    data = load_yaml("text.yaml")
    debris = re.compile(r"^(?:" + "|".join(data["debris_lines"]) + r")$", re.I)
    prefixes = re.compile(r"^(?:" + "|".join(data["debris_prefixes"]) + r")", re.I)
    return debris, prefixes, frozenset(str(a).lower() for a in data["abbreviations"])


@cache
def _continuing_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in load_yaml("text.yaml")["continuing_words"])


_LAST_WORD = re.compile(r"\w+$")


def _goes_on(line: str) -> bool:
    """Whether a line ends where no sentence can: a comma or a continuing word such as
    "dan" or "the" (text.yaml), a whole word at the very end.

    >>> _goes_on("Kota Jambi dan"), _goes_on("Jambi, "), _goes_on("dan"), _goes_on("Jambidan")
    (True, True, True, False)
    """
    line = line.rstrip()
    if line.endswith(","):
        return True
    # the continuing words are short: a word at the end is read from a short tail, and a
    # run as long as the tail cannot be one of them
    tail = line[-16:]
    m = _LAST_WORD.search(tail)
    if m is None or (m.start() == 0 and len(tail) < len(line)):
        return False  # no word at the end, or one longer than any continuing word
    return m.group().lower() in _continuing_words()


@cache
def _cutoff() -> re.Pattern[str]:
    data = load_yaml("text.yaml")
    return re.compile(r"^(?:" + "|".join(data["cutoff_lines"]) + r")\s*:?$", re.I)


def normalise(text: str) -> str:
    """Unify quotes, dashes and spaces so that patterns see one form.

    >>> normalise("“Water  Management” – 15‑19 Mei")
    '"Water Management" - 15-19 Mei'
    """
    table = str.maketrans(
        {
            "“": '"',
            "”": '"',
            "„": '"',
            "«": '"',
            "»": '"',
            "‘": "'",
            "’": "'",
            "`": "'",
            "–": "-",
            "—": "-",
            "‑": "-",
            "‐": "-",
            "−": "-",
            "\u00a0": " ",
            "\u2009": " ",
            "\u200b": "",
            "\ufeff": "",
        }
    )
    text = text.translate(table)
    return re.sub(r"[ \t]+", " ", text)


_TERMINAL = re.compile(r"""[.!?:;]["')\]]*$""")
# in a hard-wrapped text a semicolon or a colon at a line's end parts one sentence, unless
# the next line is an item of a list ("- …", "1. …", "• …")
_TERMINAL_WRAPPED = re.compile(r"""[.!?]["')\]]*$""")
#: the start of a list item ("- …", "• …", "1. …"): in wrapping, and for lists of heads
BULLET = re.compile(r"\s*(?:[•\-*–·]|\d{1,2}[.)])\s+")
_LOWER_START = re.compile(r"\s*[a-z]")
_WRAP_WIDTH = 120  # a text whose lines are all at most this long may be hard-wrapped


def _is_wrapped(lines: list[str]) -> int:
    """The width a text is hard-wrapped at (e-mail, plain text, markdown), or 0.

    It is wrapped when no line is longer than :data:`_WRAP_WIDTH` and most lines that
    go on in the next line (no blank line between) fill the width."""
    widths = [len(x) for x in lines if x.strip()]
    if len(widths) < 3 or max(widths) > _WRAP_WIDTH:
        return 0
    width = max(widths)
    # lines of one or two words (a list's numbers, a menu's items) tell nothing either way
    inner = [
        len(a)
        for a, b in itertools.pairwise(lines)
        if len(a.split()) >= 3 and b.strip() and not _TERMINAL.search(a.rstrip())
    ]
    full = sum(1 for n in inner if n >= 0.6 * width)
    return width if inner and full >= 0.5 * len(inner) else 0


def _abbreviation_end(line: str) -> bool:
    """Whether a line ends with an abbreviation or an initial ("ketika Drs.", "B."), whose
    full stop ends no sentence."""
    last = line.rsplit(None, 1)[-1] if line.split() else ""
    if not last.endswith("."):
        return False
    word = last[:-1].lower()
    return word in _patterns()[2] or bool(re.fullmatch(r"[a-z]", word))


def unwrap(text: str) -> str:
    r"""Join the lines of a paragraph that a hard wrap broke, so that a sentence broken
    over two lines is one sentence again. A line break ends a sentence only after
    sentence-final punctuation, before a blank line, or after a short line (a title);
    in a text that is not wrapped, only a line that goes on in lower case is joined.

    >>> unwrap("Kerja sama Kota Jambi dan\nPemerintah Singapura sejak 2016.\nLalu ...")
    'Kerja sama Kota Jambi dan Pemerintah Singapura sejak 2016.\nLalu ...'
    >>> unwrap("Judul Berita\nIsi berita dimulai di sini.")
    'Judul Berita\nIsi berita dimulai di sini.'

    A line that ends with a comma or a word such as "dan" or "the" goes on in the next,
    however short the text:

    >>> unwrap("Kerja sama antara Kota Jambi dan\nPemerintah Singapura sejak 2016.")
    'Kerja sama antara Kota Jambi dan Pemerintah Singapura sejak 2016.'
    """
    lines = text.split("\n")
    width = _is_wrapped(lines)
    out: list[str] = []
    last = ""  # the physical line before: a short one ends its paragraph, however long that is
    for line in lines:
        # only the end of the paragraph so far can match (a long one searched whole, at
        # every line, was the slowest step of reading news)
        if (
            out
            and line.strip()
            and _goes_on(out[-1])
            # the next item of a list ("- a,\n- b"), though the one before ends with a comma
            and not (BULLET.match(line) and BULLET.match(out[-1]))
        ):
            out[-1] = out[-1].rstrip() + " " + line.strip()
            last = line
            continue
        if not out or not (width or _LOWER_START.match(line)):
            out.append(line)  # the common case, decided without looking back
            last = line
            continue
        prev = out[-1].rstrip()
        joins = (
            bool(prev)
            and bool(line.strip())
            and (
                not (_TERMINAL_WRAPPED if width else _TERMINAL).search(prev)
                or _abbreviation_end(prev)
            )
            # an item of a list after its colon, or after another item, is a line of its own
            and not (width and BULLET.match(line) and (prev.endswith(":") or BULLET.match(prev)))
            # a page's title repeated ("iklan Judul" then "Judul …"): two lines, not one
            and line.strip()[:30] not in last
            and ((width and len(last.rstrip()) >= 0.6 * width) or bool(_LOWER_START.match(line)))
        )
        if joins:
            # "proyek-" then "proyek tambahan": a word the wrap broke at its hyphen
            # ("Bandung-" then "Braunschweig": a compound the wrap broke at its hyphen)
            glue = "" if re.search(r"\w-$", prev) else " "
            out[-1] = prev + glue + line.strip()
        else:
            out.append(line)
        last = line
    return "\n".join(out)


def clean_lines(text: str) -> list[str]:
    """Non-empty lines of ``text`` with page debris removed, hard-wrapped paragraphs
    joined (a removed debris line ends a paragraph)."""
    debris, prefixes, _ = _patterns()
    cutoff = _cutoff()
    kept: list[str] = []
    in_debris = False  # the line before was debris that may go on in this one
    for raw in normalise(text).splitlines():
        line = raw.strip()
        if line and any(kept) and cutoff.match(line):
            break
        # "iklan Mereka berangkat …": its own text
        rest = prefixes.sub("", line).strip() if in_debris else ""
        if (
            rest
            and in_debris
            and (
                _LOWER_START.match(rest) or (len(rest.split()) <= 3 and not _TERMINAL.search(rest))
            )
        ):
            # "Baca juga: … Gempa" hard-wrapped, then "dan Tsunami di Sulteng" (or a last
            # word or two, "Sulteng"): the rest of the debris line
            kept.append("")
            continue
        is_debris = bool(line) and debris.match(line) is not None
        in_debris = is_debris and not _TERMINAL.search(line)
        if is_debris:
            line = ""
        kept.append(prefixes.sub("", line).strip() if line else "")
    return [line for line in unwrap("\n".join(kept)).split("\n") if line.strip()]


def clean(text: str) -> str:
    """The document text with debris removed, one paragraph per line."""
    return "\n".join(clean_lines(text))


_BOUNDARY = re.compile(r"""(?<=[.!?])(["')\]]*)\s+(?=["'(\[]?[A-Z0-9])|(?<=[.!?]["'])()\s+""")


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned text into sentences, respecting titles and abbreviations.

    >>> [s.text for s in split_sentences("Wali Kota H. Syarif Fasha hadir. Dr. Ali juga.")]
    ['Wali Kota H. Syarif Fasha hadir.', 'Dr. Ali juga.']
    """
    _, _, abbreviations = _patterns()
    sentences: list[Sentence] = []
    offset = 0
    for line in text.split("\n"):
        start = 0
        for m in _BOUNDARY.finditer(line):
            head = line[start : m.start()].rstrip()
            word = re.search(r"([A-Za-z]+)\.[\"')\]]*$", head)
            if word and word.group(1).lower() in abbreviations:
                continue
            if re.search(r"\b[A-Z]\.$", head):  # initials: "M. Sofyan", "S.E."
                continue
            if start == 0 and re.fullmatch(r"\s*\d{1,2}\.", head):
                continue  # "1. Kota Davao, Filipina (2002)": a list item's number
            piece = line[start : m.end(1) if m.group(1) is not None else m.start()].strip()
            if piece:
                sentences.append(Sentence(len(sentences), piece, offset + start))
            start = m.end()
        piece = line[start:].strip()
        if piece:
            sentences.append(Sentence(len(sentences), piece, offset + start))
        offset += len(line) + 1
    return sentences


def clause_before(text: str, at: int, width: int = 100, stops: str = ".;:") -> str:
    """The clause that ends at offset ``at``: back to the last of the ``stops`` (a full
    stop, a semicolon or a colon), within ``width`` characters.

    >>> clause_before("Signed in 2019; it would be renewed in 2025", 43)
    ' it would be renewed in 2025'
    """
    return re.split(f"[{re.escape(stops)}]", text[max(0, at - width) : at])[-1]
