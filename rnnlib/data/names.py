"""Person names from the installed ``faker`` package (MIT licence), offline.

Faker ships, for each locale, lists of first and last names inside its
``faker.providers.person.<locale>`` modules; this reads those lists directly (no fake
data is generated, no network is used). Limits: the lists are curated samples of common
names, some locales are small, and the same name can appear in several locales.
"""

from __future__ import annotations

import importlib

__all__ = ["person_names", "available_locales"]

_LISTS = {
    "first": ("first_names", "first_names_male", "first_names_female"),
    "last": ("last_names",),
}


def available_locales() -> list[str]:
    """Locales whose person provider faker has installed (e.g. 'en_US', 'de_DE', 'ko_KR')."""
    import pkgutil

    import faker.providers.person as person

    return sorted(m.name for m in pkgutil.iter_modules(person.__path__) if m.ispkg)


def person_names(locale: str, kind: str = "first") -> list[str]:
    """Sorted unique first or last names of a faker locale, e.g. ``person_names("it_IT")``."""
    if kind not in _LISTS:
        raise ValueError(f"kind: expected 'first' or 'last', got {kind!r}")
    if not isinstance(locale, str) or locale not in available_locales():
        raise ValueError(
            f"locale: expected one of faker's person locales such as 'en_US', got {locale!r}"
        )
    provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    names = set()
    for attribute in _LISTS[kind]:
        value = getattr(provider, attribute, ())
        names.update(value.keys() if isinstance(value, dict) else value)
    return sorted(n for n in names if isinstance(n, str) and n.strip())
