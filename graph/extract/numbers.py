"""Numbers in text: digits ("1.500", "25"), Indonesian and English number words, and
approximate quantifiers ("lebih dari 300", "hampir 500", "more than 20")."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from graph.resources import load_yaml


@dataclass(frozen=True)
class Number:
    value: int
    approximate: bool
    begin: int
    end: int  # offset just after the number


@cache
def _data() -> tuple[dict[str, int], dict[str, int], re.Pattern[str], re.Pattern[str]]:
    data = load_yaml("dates.yaml")
    words = {str(k): int(v) for k, v in data["number_words"].items()}
    mult = {str(k): int(v) for k, v in data["number_multipliers"].items()}
    approx = "|".join(sorted(map(re.escape, data["approximate_words"]), key=len, reverse=True))
    word_alt = "|".join(sorted((w for w in words if w != "se"), key=len, reverse=True))
    mult_alt = "|".join(sorted(mult, key=len, reverse=True))
    word = rf"(?:(?:{word_alt})(?:\s*(?:{mult_alt}))?|se(?:{mult_alt}))"
    word_seq = rf"{word}(?:(?:\s+|-){word})*"  # "dua puluh lima", "twenty-five"
    token = rf"(?:\d{{1,3}}(?:[.,]\d{{3}})+|\d+|{word_seq})"
    number = re.compile(
        rf"(?<![\w.,/])(?P<approx>(?:{approx})\s+)?(?:an?\s+)?(?P<n>{token})(?![\w/]|[.,]\d)",
        re.I,
    )
    approx_re = re.compile(rf"(?:{approx})\s*$", re.I)
    return words, mult, number, approx_re


def _tokens(text: str) -> list[str]:
    """Number words split into units and multipliers ("seratus" → "satu ratus")."""
    _, mult, _, _ = _data()
    out: list[str] = []
    for tok in re.findall(r"[a-z]+", text.lower()):
        if tok.startswith("se") and tok[2:] in mult:
            out += ["satu", tok[2:]]
        elif tok == "sepuluh":
            out += ["satu", "puluh"]
        elif tok == "sebelas":
            out += ["satu", "belas"]
        else:
            out.append(tok)
    return out


def word_value(text: str) -> int | None:
    """Value of an Indonesian or English number phrase.

    >>> word_value("dua puluh lima"), word_value("sebelas"), word_value("tiga ratus")
    (25, 11, 300)
    >>> word_value("seratus dua puluh tiga"), word_value("dua ribu lima ratus")
    (123, 2500)
    >>> word_value("1.500"), word_value("seratus")
    (1500, 100)
    """
    words, mult, _, _ = _data()
    t = text.strip().lower()
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", t):
        return int(re.sub(r"[.,]", "", t))
    if t.isdigit():
        return int(t)
    total = group = cur = 0
    seen = False
    for tok in _tokens(t):
        if tok in mult:
            factor = mult[tok]
            if tok == "belas":
                group += cur + 10
            elif factor < 1000:
                group += max(cur, 1) * factor
            else:
                total += max(group + cur, 1) * factor
                group = 0
            cur = 0
        elif tok in words:
            cur += words[tok]
        else:
            return None
        seen = True
    return total + group + cur if seen else None


def _has_number_word(sentence: str, words: dict[str, int]) -> bool:
    for token in re.findall(r"[a-z]+", sentence.lower()):
        if token in words or (token.startswith("se") and token[2:] in _data()[1]):
            return True
    return False


def find_numbers(sentence: str) -> list[Number]:
    """Numbers in a sentence with their approximation flag.

    >>> [(n.value, n.approximate) for n in find_numbers("lebih dari 300 orang dan 25 ASN")]
    [(300, True), (25, False)]
    >>> [n.value for n in find_numbers("Twenty-five officials and forty-two students")]
    [25, 42]
    """
    words, _, pattern, _ = _data()
    if not any(c.isdigit() for c in sentence) and not _has_number_word(sentence, words):
        return []
    out = []
    for m in pattern.finditer(sentence):
        value = word_value(m.group("n"))
        if value is None:
            continue
        out.append(Number(value, bool(m.group("approx")), m.start("n"), m.end("n")))
    return out
