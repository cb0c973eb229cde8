import numpy as np
import pytest

from rnnlib.baselines import adding_baseline
from rnnlib.data.encoding import Vocabulary, one_hot, pad_batch
from rnnlib.data.names import available_locales, person_names
from rnnlib.data.tasks import ADDING_BASELINE_MSE, adding_problem, copy_task, remember_the_sign


def test_vocabulary_round_trip_and_unknown_tokens():
    vocab = Vocabulary.from_text("hihello")
    assert vocab.tokens == ["e", "h", "i", "l", "o"]
    assert vocab.decode(vocab.encode("hello")) == "hello"
    with pytest.raises(ValueError, match="not in the vocabulary: 'z'"):
        vocab.encode("hez")
    words = Vocabulary(["the", "alarm", "off"])
    assert words.decode(words.encode(["alarm", "off"])) == ["alarm", "off"]


def test_one_hot_and_padding():
    assert np.array_equal(one_hot(np.array([2, 0]), 3), [[0, 0, 1], [1, 0, 0]])
    ids, mask = pad_batch([np.array([1, 2, 3]), np.array([4])], pad_id=0)
    assert ids.shape == (3, 2) and np.array_equal(ids[:, 1], [4, 0, 0])
    assert np.array_equal(mask.T, [[1, 1, 1], [1, 0, 0]])


def test_adding_problem_structure_and_baseline():
    inputs, targets = adding_problem(4000, 20, rng=0)
    assert inputs.shape == (20, 4000, 2) and targets.shape == (4000, 1)
    markers = inputs[..., 1]
    assert np.all(markers.sum(0) == 2)
    assert np.all(markers[:10].sum(0) == 1) and np.all(markers[10:].sum(0) == 1)
    assert np.allclose((inputs[..., 0] * markers).sum(0), targets[:, 0])
    baseline = adding_baseline(targets)
    # sampling error of a mean of 4000 squared deviations: sd ~ 0.15/sqrt(4000) ~ 0.0024
    assert abs(baseline - ADDING_BASELINE_MSE) < 0.01


def test_adding_problem_is_seeded():
    a, b = adding_problem(3, 6, rng=7), adding_problem(3, 6, rng=np.random.default_rng(7))
    assert np.array_equal(a[0], b[0]) and np.array_equal(a[1], b[1])


def test_copy_task_structure():
    inputs, targets, mask = copy_task(5, delay=3, rng=0, num_symbols=4, alphabet=6)
    assert inputs.shape == targets.shape == mask.shape == (12, 5)
    assert np.array_equal(targets[-4:], inputs[:4]) and np.all(inputs[7] == 1)
    assert np.all(inputs[:4] >= 2) and np.all(inputs[:4] < 8) and mask.sum() == 20


def test_person_names_come_from_faker_offline():
    locales = available_locales()
    assert {"en_US", "de_DE", "it_IT"} <= set(locales)
    names = person_names("it_IT")
    assert len(names) > 100 and names == sorted(set(names))
    assert len(person_names("en_US", "last")) > 100
    with pytest.raises(ValueError, match="locale"):
        person_names("xx_XX")


def test_remember_the_sign_places_one_clue_per_sequence():
    inputs, targets = remember_the_sign(50, 8, positions=[2, 5], noise=0.0, rng=0)
    assert inputs.shape == (8, 50, 2) and targets.shape == (50,)
    clues = inputs[..., 0]
    assert np.all(np.count_nonzero(clues, axis=0) == 1)
    assert set(np.flatnonzero(clues.any(axis=1))) <= {2, 5}
    assert np.array_equal(clues.sum(axis=0) > 0, targets == 1)
    assert np.all(inputs[..., 1] == 0.0)
    with pytest.raises(ValueError, match="positions: expected steps in"):
        remember_the_sign(5, 8, positions=[8], rng=0)
