"""Translation of user-visible text (gettext) and the chosen language.

Source strings are English; Dutch is the default language whatever the system locale,
until the user picks another in Settings. `_` looks the translation up when called,
so switching language takes effect for every text built afterwards.
"""

from __future__ import annotations

import gettext as _gettext

from verenigingsbeheer.paths import locale_dir

DOMAIN = "verenigingsbeheer"
DEFAULT_LANGUAGE = "nl"
LANGUAGES: dict[str, str] = {"nl": "Nederlands", "en": "English"}
# The Babel locale used to format dates, money and numbers per language.
BABEL_LOCALES: dict[str, str] = {"nl": "nl_NL", "en": "en_GB"}

_state: dict[str, object] = {
    "language": DEFAULT_LANGUAGE,
    "translation": _gettext.NullTranslations(),
}


def set_language(language: str) -> None:
    """Load the catalog for `language` ("nl" or "en")."""
    if language not in LANGUAGES:
        language = DEFAULT_LANGUAGE
    if language == "en":
        translation: _gettext.NullTranslations = _gettext.NullTranslations()
    else:
        translation = _gettext.translation(
            DOMAIN, str(locale_dir()), languages=[language], fallback=True
        )
    _state["language"] = language
    _state["translation"] = translation


def language() -> str:
    return str(_state["language"])


def babel_locale() -> str:
    return BABEL_LOCALES[language()]


def _(message: str) -> str:
    return _state["translation"].gettext(message)  # type: ignore[union-attr]


def ngettext(singular: str, plural: str, n: int) -> str:
    return _state["translation"].ngettext(singular, plural, n)  # type: ignore[union-attr]


def N_(message: str) -> str:
    """Mark a string for extraction; translate it later with `_`."""
    return message
