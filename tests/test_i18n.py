"""The Dutch catalog is complete, consistent, compiled, and used by default."""

from __future__ import annotations

import re
from pathlib import Path

from babel.messages.extract import extract_from_dir
from babel.messages.mofile import read_mo
from babel.messages.pofile import read_po

from verenigingsbeheer import i18n
from verenigingsbeheer.paths import locale_dir

ROOT = Path(__file__).resolve().parent.parent
PO = locale_dir() / "nl" / "LC_MESSAGES" / "verenigingsbeheer.po"
MO = PO.with_suffix(".mo")
PLACEHOLDER = re.compile(r"\{[a-z_]+\}|%\([a-z_]+\)[sr]|%[sr]")


def source_messages() -> set:
    found = set()
    keywords = {"_": None, "N_": None, "ngettext": (1, 2)}
    for _file, _line, message, _comments, _context in extract_from_dir(
        str(ROOT / "src"), method_map=[("**.py", "python")], keywords=keywords
    ):
        found.add(message if isinstance(message, str) else tuple(message))
    return found


def catalog():
    with PO.open("rb") as handle:
        return read_po(handle, locale="nl")


def test_every_text_in_the_source_has_a_dutch_translation():
    translated = {}
    for message in catalog():
        if message.id:
            key = message.id if isinstance(message.id, str) else tuple(message.id)
            translated[key] = message
    missing = sorted(map(str, source_messages() - set(translated)))
    assert missing == [], "run pybabel extract/update (README) and translate"
    for key, message in translated.items():
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        assert all(strings), f"untranslated: {key!r}"
        assert not message.fuzzy, f"fuzzy: {key!r}"


def test_placeholders_survive_translation():
    for message in catalog():
        if not message.id:
            continue
        ids = [message.id] if isinstance(message.id, str) else list(message.id)
        strings = [message.string] if isinstance(message.string, str) else list(message.string)
        expected = sorted(PLACEHOLDER.findall(ids[-1]))
        for text in strings:
            assert sorted(PLACEHOLDER.findall(text)) == expected, message.id


def test_the_compiled_catalog_matches_the_po_file():
    with MO.open("rb") as handle:
        compiled = read_mo(handle)

    def as_dict(messages):
        tup = lambda v: v if isinstance(v, str) else tuple(v)  # noqa: E731
        return {tup(m.id): tup(m.string) for m in messages if m.id}

    po, mo = as_dict(catalog()), as_dict(compiled)
    assert mo == po, "run pybabel compile (README)"


def test_dutch_is_the_default_whatever_the_system_locale(monkeypatch):
    monkeypatch.setenv("LANGUAGE", "en_US")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")
    from verenigingsbeheer.settings import Settings

    i18n.set_language(Settings().language)
    assert i18n._("Members") == "Leden"
    i18n.set_language("en")
    assert i18n._("Members") == "Members"
    one = ("{n} current member", "{n} current members", 1)
    assert i18n.ngettext(*one) == "{n} current member"
    i18n.set_language("nl")
    assert i18n.ngettext(*one) == "{n} huidig lid"
    assert i18n.ngettext("{n} current member", "{n} current members", 2) == "{n} huidige leden"
    assert i18n.babel_locale() == "nl_NL"


def test_argparse_messages_are_in_the_catalog():
    """argparse's own texts must be Dutch in the CLI: check the ones Python really uses."""
    import argparse
    import inspect

    argparse_source = inspect.getsource(argparse)
    used = set(re.findall(r"_\('([^'\\]+)'\)", argparse_source))
    ours = {m.id for m in catalog() if isinstance(m.id, str)}
    for needed in [
        "usage: ",
        "unrecognized arguments: %s",
        "expected one argument",
        "invalid choice: %(value)r (choose from %(choices)s)",
        "the following arguments are required: %s",
    ]:
        assert needed in used, f"argparse no longer says {needed!r}"
        assert needed in ours


def test_no_translation_call_hides_inside_an_f_string():
    """Babel's extractor cannot see `_()` inside f-strings: such texts would stay English."""
    import ast

    hidden = []
    for path in (ROOT / "src").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Name)
                        and inner.func.id in ("_", "N_", "ngettext")
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert hidden == []
