"""Text stage helpers: debris removal, normalisation and sentence splitting."""

from __future__ import annotations

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


def clean_lines(text: str) -> list[str]:
    """Non-empty lines of ``text`` with page debris removed."""
    debris, prefixes, _ = _patterns()
    cutoff = _cutoff()
    out: list[str] = []
    for raw in normalise(text).splitlines():
        line = raw.strip()
        if out and cutoff.match(line):
            break
        if not line or debris.match(line):
            continue
        line = prefixes.sub("", line).strip()
        if line:
            out.append(line)
    return out


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
            piece = line[start : m.end(1) if m.group(1) is not None else m.start()].strip()
            if piece:
                sentences.append(Sentence(len(sentences), piece, offset + start))
            start = m.end()
        piece = line[start:].strip()
        if piece:
            sentences.append(Sentence(len(sentences), piece, offset + start))
        offset += len(line) + 1
    return sentences
