"""Exercise checks in the Korean edition: run a check in English, then with
``set_language("ko")`` and ``RNNLIB_STRICT_MESSAGES=1`` (a Korean message missing from
rnnlib.messages raises), and compare what the two print. English is restored after."""

from __future__ import annotations

import re

from rnnlib import i18n

HANGUL = re.compile(r"[\uac00-\ud7a3]")


def check_in_korean(monkeypatch, capsys, check, *args, **kwargs) -> str:
    """Run ``check(*args, **kwargs)`` in English and in Korean; return the Korean output.

    Both runs give the same verdict and print the same number of lines; every Korean line
    has Hangul and differs from its English line (the title, the verdict and each problem
    are translated)."""
    capsys.readouterr()
    passed_english = check(*args, **kwargs)
    english = capsys.readouterr().out
    monkeypatch.setenv(i18n.STRICT_ENVIRONMENT_VARIABLE, "1")
    i18n.set_language("ko")
    try:
        passed_korean = check(*args, **kwargs)
    finally:
        i18n.set_language("en")
    korean = capsys.readouterr().out
    assert passed_korean == passed_english, (english, korean)
    english_lines, korean_lines = english.splitlines(), korean.splitlines()
    assert len(korean_lines) == len(english_lines), (english, korean)
    for english_line, korean_line in zip(english_lines, korean_lines, strict=True):
        assert HANGUL.search(korean_line) and korean_line != english_line, (
            f"not translated: {korean_line!r} (English: {english_line!r})"
        )
    return korean
