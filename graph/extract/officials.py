"""Officials who head no local government: ministers, envoys, heads and chairs of bodies,
named with their title ("Menteri Luar Negeri Malaysia Datuk Wira Marzuki bin Yahya",
"Japanese Ambassador to Indonesia Masaki Yasushi", "Jane Doe, president of the … Society").

A title's words run on, capitalised and joined by a few lower-case words ("untuk", "of
the"), until the name: the run of capitalised words after the last word known to end the
title (a place, country or body already found, a comma, an acronym, a body's tail word
such as "Center", or a title word). A run that holds a function or office word ("Badan",
"Bidang") is no name, and neither is one right after the title and followed by "dan" and
more capitalised words (bodies or people in a list: which is the title's is unknowable).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache

from graph.extract.lexicon import relations_lexicon
from graph.extract.names import NAME_TOKEN, name_lexicon, name_patterns, stop_words
from graph.resources import load_yaml

Span = tuple[int, int]

_PARTICLES = frozenset({"bin", "binti", "van", "von", "de", "der", "da", "al", "el", "la"})
_JOINING = frozenset({"dan", "and", "serta", "&"})
_LOCATIVE = frozenset({"di", "in", "at"})  # "… Kim Chang-beom di Jakarta": the name ended
_TOKEN = re.compile(r"\(|\)|,|[^\s,()]+")
_ACRONYM = re.compile(r"[A-Z][A-Z0-9&.-]+")
# "Jane Doe, president of …": the title after a comma, then the name before it; the title
# may have words before it and an acronym after it ("Markus Siang, regional secretary
# (Sekda) of West Kalimantan")
_APPOSITION = re.compile(
    r",\s+(?:the\s+|a\s+|an\s+)?((?:[a-z-]+\s+){0,2}[a-z-]+|[A-Z][a-z-]+)"
    r"(?:\s+\([A-Za-z]{2,10}\))?\s+(?:of|dari|pada)\b"
)
_NAME_BEFORE = re.compile(rf"(?:^|(?<=[a-z] )|(?<=, ))({NAME_TOKEN}(?:\s+{NAME_TOKEN}){{1,3}})$")


@dataclass(frozen=True)
class _Lexicon:
    titles: re.Pattern[str]
    title_words: frozenset[str]  # the words of the titles, and the bodies' tail words
    connectives: frozenset[str]
    descriptors: frozenset[str]
    hint: re.Pattern[str]  # a cheap test: the first letters of some title


@cache
def _lexicon() -> _Lexicon:
    data = load_yaml("names.yaml")
    titles = sorted(data["office_titles"], key=len, reverse=True)
    tails = re.findall(r"[A-Za-z]+", name_patterns().org_tails)
    return _Lexicon(
        titles=re.compile(rf"(?<![\w-])(?:{'|'.join(map(re.escape, titles))})(?![\w-])"),
        title_words=frozenset([w for t in titles for w in t.split()] + tails),
        connectives=frozenset(data["title_connectives"]),
        descriptors=frozenset(data["title_descriptors"]),
        hint=re.compile("|".join(sorted({re.escape(t[:4]) for t in titles}))),
    )


def _ends_with_title(lex: _Lexicon, phrase: str) -> bool:
    """Whether a phrase is a title or ends with one ("president", "regional secretary")."""
    words = phrase.split()
    return any(lex.titles.fullmatch(" ".join(words[k:])) for k in range(len(words)))


def official_names(
    text: str, known: list[Span], is_place: Callable[[str], bool]
) -> list[tuple[int, int, str]]:
    """The (start, end, name) of every official named with a title in ``text``;
    ``known`` are the spans of names already found there (places, countries, bodies);
    ``is_place`` tells a known place's name (the whole name, or its last word, is none).

    >>> official_names("Duta Besar Korsel untuk Indonesia Kim Chang-beom hadir.",
    ...                [(11, 17), (24, 33)], lambda w: False)
    [(34, 48, 'Kim Chang-beom')]
    >>> official_names("SMC chairman Clarence Ting signed for the council.", [], lambda w: False)
    [(13, 26, 'Clarence Ting')]
    >>> official_names("Kepala Badan Pusat Statistik Budi Santoso hadir.", [], lambda w: False)
    []
    """
    lex = _lexicon()
    found: list[tuple[int, int, str]] = []
    if not lex.hint.search(text):
        return found
    spans = []
    for m in _APPOSITION.finditer(text):
        if _ends_with_title(lex, m.group(1)):
            name = _NAME_BEFORE.search(text, max(0, m.start() - 80), m.start())
            if name is not None:
                spans.append(name.span(1))
    venue = name_lexicon().venue_before_role
    for m in lex.titles.finditer(text):
        if venue.search(text, 0, m.start()):
            continue  # "kompleks Menteri Widya Chandra": a place named after an office
        span = _Reader(text, known, lex).name_after(m.end())
        if span is not None:
            spans.append(span)
    for start, end in sorted(set(spans)):
        if _valid(text[start:end], is_place) and all(start != f[0] for f in found):
            found.append((start, end, text[start:end]))
    return found


@dataclass
class _Reader:
    """Reads the words after one title, keeping the run of words that may be the name."""

    text: str
    known: list[Span]
    lex: _Lexicon
    run: list[Span] = field(default_factory=list)
    blocked: bool = False  # the run holds an office word: no name
    strong: bool = False  # the last reset was at a word that surely ends the title
    bounded: bool = False  # the run began after such a word
    fallback: list[Span] = field(default_factory=list)  # a name if no other follows
    located: bool = False  # the run follows "di", "in": a place ("… di Widya Chandra")

    def reset(self, strong: bool) -> None:
        self.run, self.blocked, self.strong, self.located = [], False, strong, False

    def name_after(self, at: int) -> Span | None:
        tokens = list(_TOKEN.finditer(self.text, at, min(len(self.text), at + 200)))
        commas = 0
        i = 0
        while i < len(tokens):
            tok, word = tokens[i], tokens[i].group()
            nxt = tokens[i + 1].group() if i + 1 < len(tokens) else ""
            inside = next((b for a, b in self.known if a <= tok.start() < b), None)
            if inside is not None:
                self.reset(True)  # a place or body of the title: the name comes after it
                while i + 1 < len(tokens) and tokens[i + 1].start() < inside:
                    i += 1
            elif word == ",":
                commas += 1
                if commas > 1:
                    break
                if self.run and not self.blocked and not self.located:
                    if not (nxt[:1].isupper() and nxt.rstrip(".") not in stop_words()):
                        break  # "… Budi Santoso, kemarin"
                    # "Manager … KSO Wika-Jaya Konstruksi, Angga Bagus, …": the body, then
                    # the name; the run before is the name only if none follows
                    self.fallback = self.run
                self.reset(True)  # "Kepala Dinas Pariwisata, Budi Santoso"
            elif word == "(":
                close = next((j for j in range(i, len(tokens)) if tokens[j].group() == ")"), None)
                if close is None or not nxt[:1].isupper():
                    break  # "Budi Santoso (kiri)": the name ends
                self.reset(True)  # "… Initiatives (ICLEI) Maryke …": a body, defined
                i = close
            elif word == ")" or not self.word(tok, nxt):
                break
            if word.endswith(".") and len(word) > 3 and not re.fullmatch(r"(?:[A-Z]\.)+", word):
                break  # a full stop ends the sentence, an initial's does not
            i += 1
        whole = self.run and not self.blocked and not self.located and len(self.run) > 1
        run = self.run if whole else []
        run = run or self.fallback
        if not run:
            return None
        end = run[-1][1]
        if self.text[end - 1] == "." and self.text[end - 2].islower():
            end -= 1  # the sentence's full stop
        return run[0][0], end

    def word(self, tok: re.Match[str], nxt: str) -> bool:
        """Read one word; False where the name (if any) has ended."""
        word, bare = tok.group(), tok.group().rstrip(".,")
        lex = self.lex
        if word[0].islower() or not word[0].isalpha():
            if word in _PARTICLES and nxt[:1].isupper() and self.run:
                self.run.append(tok.span())  # "Marzuki bin Yahya"
            elif word in _JOINING and nxt.rstrip(".,") not in lex.title_words | lex.descriptors:
                if nxt[:1].isupper() and not self.bounded:
                    self.run = []  # "Kepala Satuan … dan Pemadam …": a list
                return False
            elif word in lex.connectives and (nxt[:1].isupper() or nxt in lex.connectives):
                if self.run and not self.blocked and word in _LOCATIVE:
                    self.fallback = self.run
                self.reset(False)
                self.located = word in _LOCATIVE
            else:
                return False
        elif bare in lex.title_words or "/" in word:
            self.reset(True)  # "Menteri PPN/Kepala …", "… Center Kim Minsu"
        elif bare in lex.descriptors:
            # "Menteri Perhubungan Budi …": a portfolio word ends the title, but not an
            # office's name ("Kepala Badan Kesehatan Dunia …" stays no name)
            blocked = self.blocked
            self.reset(False)
            self.blocked = blocked
        elif _ACRONYM.fullmatch(bare) and not self.run:
            self.reset(True)  # "Ketua DPRD …", "Duta Besar RI …": a body's acronym
        else:
            if bare in stop_words():
                self.blocked = True
            if not self.run:
                self.bounded = self.strong
            self.run.append(tok.span())
        return True


@cache
def _body_words() -> frozenset[str]:
    """Words that name bodies and programmes, never people (``relations.yaml``)."""
    data = relations_lexicon()
    words = [*data["acronym_body_words"], *data["acronym_programme_words"]]
    words += [*data["organisation_tails"], *data["programme_tails"]]
    return frozenset(w.casefold() for w in words)


def _valid(name: str, is_place: Callable[[str], bool]) -> bool:
    words = name.rstrip(".").split()
    names = [w for w in words if w not in _PARTICLES]
    if not 2 <= len(names) <= 5 or any(w.rstrip(".") in stop_words() for w in names):
        return False
    if any(w.isupper() and len(w) > 2 for w in names):
        return False  # an acronym: a body, not a person
    if any(w.casefold() in _body_words() for w in names):
        return False  # "Manager at … Municipal Partnership Worldwide": a body's name
    return not is_place(name) and not is_place(names[-1])  # "… Northern Territory Australia"
