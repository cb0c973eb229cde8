"""The chapter 8 exercise checks accept right answers and explain wrong ones."""

from korean import check_in_korean

from rnnlib.baselines import LinearAR
from rnnlib.data.series import windows
from rnnlib.exercises.ch08 import check_ar_fit, check_windows


def test_exercise_checks_explain_mistakes(capsys):
    assert check_windows(windows)
    assert not check_windows(lambda s, c: (windows(s, c)[0][..., 0], windows(s, c)[1]))
    assert "trailing feature axis" in capsys.readouterr().out
    assert not check_windows(lambda s, c: (windows(s, c)[0], windows(s, c)[0][-1]))
    assert "window's last value" in capsys.readouterr().out
    assert not check_windows(lambda s, c: None)

    def good_ar(series, order):
        ar = LinearAR(order).fit(*windows(series, order))
        return ar.weights[:-1], ar.weights[-1]

    assert check_ar_fit(good_ar)
    assert not check_ar_fit(lambda s, p: (good_ar(s, p)[0][::-1], good_ar(s, p)[1]))
    assert "reverse order" in capsys.readouterr().out


def test_exercise_checks_speak_korean(monkeypatch, capsys):
    out = check_in_korean(
        monkeypatch,
        capsys,
        check_windows,
        lambda s, c: (windows(s, c)[0][..., 0], windows(s, c)[1]),
    )
    assert "끝에 크기 1인 특징 축을 추가하십시오" in out
    out = check_in_korean(
        monkeypatch, capsys, check_windows, lambda s, c: (windows(s, c)[0], windows(s, c)[0][-1])
    )
    assert "윈도우의 마지막 값입니다" in out
