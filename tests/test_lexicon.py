"""The word lists' cheap tests: a hint set derived from a list must let through every text
a word of the list matches, so a word added to the list is never silently skipped."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

from graph.errors import LexiconError
from graph.extract.lexicon import hints, may_match, patterns, relations_lexicon, structure

# each list the extractor guards with may_match, with phrases its words match (our own)
PHRASES = {
    "visit_to": [
        "the mayor led a delegation to Fremantle",
        "rombongan ke Kota Kochi berangkat pagi",
        "a study tour to Kitakyushu",
        "melakukan lawatan ke Penang",
    ],
    "signing": [
        "the two cities inked an agreement",
        "the regency renewed its memorandum",
        "Pemkab melakukan perjanjian dengan Pemkot Miri",
        "keduanya meneken nota kesepahaman",
    ],
    "twinning_kind": ["sister province ties", "kota kembar Bandung", "friendship city links"],
    "twinned_with": ["sister city Kota Miri", "twinned with Braunschweig", "kota kembar dengan"],
    "foreign_partner_broad": ["kerjasama dengan Sarawak", "an agreement with Kuching"],
    "domestic_cooperation": ["working visit of the regency", "perjanjian kerjasama kedua daerah"],
}


@pytest.mark.parametrize(("name", "phrase"), [(n, p) for n, ps in PHRASES.items() for p in ps])
def test_a_phrase_a_list_matches_passes_its_cheap_test(name: str, phrase: str) -> None:
    assert patterns()[name].search(phrase), "the sample phrase should match the list"
    assert may_match(phrase.lower(), name)


@pytest.mark.parametrize("name", sorted(PHRASES))
def test_every_guarded_list_has_hints(name: str) -> None:
    """A list whose words all hold plain text gets a hint set (None would test always:
    correct, but slow); each hint is text of one of its words."""
    found = hints(name)
    assert found is not None
    words = " ".join(relations_lexicon()[name]).lower()
    assert all(h.strip() and h.strip() in words for h in found)


def test_a_text_without_any_hint_is_turned_away() -> None:
    assert not may_match("pasar baru diresmikan wali kota", "visit_to", "signing")


# ---- structures.yaml: whole patterns kept as data ----

GRAPH = Path(__file__).resolve().parent.parent / "graph"
# packages whose regular expressions hold no words of a language: every such pattern is
# a word list of relations.yaml or a pattern of structures.yaml
WORDLESS = ["extract/relations", "extract/prefilter.py"]
_WORD = re.compile(r"(?<![\\\w])[a-z]{3,}(?!\w)", re.I)
# a regex's own syntax, which holds letters but no words
_SYNTAX = re.compile(r"\(\?P<\w+>|\(\?[aiLmsux-]+[:)]|\\[a-zA-Z]|\{\w+\}|\[\^?[^\]]*\]")


def _structure_uses() -> set[str]:
    used: set[str] = set()
    for path in GRAPH.rglob("*.py"):
        used |= set(re.findall(r"\bstructure\(\s*\"(\w+)\"", path.read_text(encoding="utf-8")))
    return used


def test_every_structure_is_used_and_every_use_is_defined() -> None:
    defined = set(yaml.safe_load((GRAPH / "lexicon" / "structures.yaml").read_text()))
    used = _structure_uses()
    assert used, "no code asks for a structure"
    assert not defined - used, f"patterns no code asks for: {sorted(defined - used)}"
    assert not used - defined, f"patterns the file lacks: {sorted(used - defined)}"
    raw = yaml.safe_load((GRAPH / "lexicon" / "structures.yaml").read_text())
    for name in used:
        parts = set(
            re.findall(
                r"\{\{(\w+)\}\}", "".join(raw[name]) if isinstance(raw[name], list) else raw[name]
            )
        )
        assert structure(name, **{p: "x" for p in parts}).pattern


def test_a_missing_structure_or_an_unfilled_part_is_named() -> None:
    with pytest.raises(LexiconError, match="no pattern named 'nosuch'"):
        structure("nosuch")
    with pytest.raises(LexiconError, match="weekday_before: a part is left unfilled"):
        structure("weekday_before")


def _literal(node: ast.expr) -> str:
    return "".join(
        n.value for n in ast.walk(node) if isinstance(n, ast.Constant) and isinstance(n.value, str)
    )


def _worded_patterns(path: Path) -> list[tuple[int, list[str]]]:
    out = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        func = node.func if isinstance(node, ast.Call) else None
        if (
            isinstance(func, ast.Attribute)
            and isinstance(func.value, ast.Name)
            and func.value.id == "re"
            and node.args  # type: ignore[union-attr]
        ):
            text = _SYNTAX.sub(" ", _literal(node.args[0]))  # type: ignore[union-attr]
            words = _WORD.findall(text)
            if len(words) >= 2:
                out.append((node.lineno, words))
    return out


@pytest.mark.parametrize("package", WORDLESS)
def test_no_pattern_in_a_wordless_package_holds_words(package: str) -> None:
    root = GRAPH / package
    assert root.exists(), f"{package}: no such package or module"
    paths = [root] if root.is_file() else sorted(root.rglob("*.py"))
    found = {
        f"{p.relative_to(GRAPH)}:{line}": words
        for p in paths
        for line, words in _worded_patterns(p)
    }
    assert not found, f"move these patterns to graph/lexicon (structures.yaml): {found}"


def test_the_word_scan_finds_a_pattern_with_words(tmp_path: Path) -> None:
    sample = tmp_path / "m.py"
    sample.write_text('import re\nX = re.compile(r"\\b(?:sejak|since)\\s+\\d{4}", re.I)\n')
    assert _worded_patterns(sample) == [(2, ["sejak", "since"])]
    sample.write_text('import re\nX = re.compile(r"(?P<year>\\d{4})\\s*[A-Za-z]+")\n')
    assert _worded_patterns(sample) == []
