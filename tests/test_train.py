"""fit and train_step: resuming from a saved run, History on errors, wrong companions."""

import numpy as np
import pytest
from snapshots import assert_unchanged, snapshot

from rnnlib import io
from rnnlib.models import SequenceModel
from rnnlib.optim import SGD, Adagrad, Adam
from rnnlib.train import History, fit, train_step

V = 6


def make_model(seed):
    return SequenceModel(
        "gru", hidden_size=5, output_size=V, vocab_size=V, embedding_dim=3, num_layers=2, rng=seed
    )


def make_batches(seed, count=5):
    rng = np.random.default_rng(seed)
    return [
        (rng.integers(0, V, size=(7, 3)), rng.integers(0, V, size=(7, 3))) for _ in range(count)
    ]


OPTIMIZERS = {
    "adam": lambda model: Adam(model, lr=0.02, beta1=0.8, beta2=0.99),
    "sgd-momentum": lambda model: SGD(model, lr=0.1, momentum=0.9),
    "adagrad": lambda model: Adagrad(model, lr=0.1),
}


@pytest.mark.parametrize("kind", sorted(OPTIMIZERS))
@pytest.mark.parametrize("seed", [0, 7])
def test_resuming_from_a_file_is_bit_for_bit_the_uninterrupted_run(tmp_path, kind, seed):
    """Train N steps, save model and optimiser, load both into fresh ones, train M more:
    the parameters and optimiser state equal N + M steps trained straight, bit for bit."""
    first, rest = make_batches(seed, 4), make_batches(seed + 1, 3)
    straight = make_model(seed)
    straight_opt = OPTIMIZERS[kind](straight)
    fit(straight, straight_opt, first + rest, clip_norm=1.0, progress=False)

    interrupted = make_model(seed)
    interrupted_opt = OPTIMIZERS[kind](interrupted)
    fit(interrupted, interrupted_opt, first, clip_norm=1.0, progress=False)
    io.save(tmp_path / "run.npz", interrupted, {"steps": 4}, optimizer=interrupted_opt)

    resumed = make_model(seed + 100)  # other initial weights: all must come from the file
    resumed_opt = {  # other hyperparameters too: the file's are restored
        "adam": lambda m: Adam(m, lr=0.5),
        "sgd-momentum": lambda m: SGD(m, lr=0.5, momentum=0.1),
        "adagrad": lambda m: Adagrad(m, lr=0.5, eps=1e-3),
    }[kind](resumed)
    assert io.load(tmp_path / "run.npz", resumed, optimizer=resumed_opt) == {"steps": 4}
    assert resumed_opt.steps == 4
    fit(resumed, resumed_opt, rest, clip_norm=1.0, progress=False)

    for (name, p_straight, _), (_, p_resumed, _) in zip(
        straight.named_parameters(), resumed.named_parameters(), strict=True
    ):
        assert np.array_equal(p_straight, p_resumed), name
    assert snapshot(resumed_opt)["steps"] == snapshot(straight_opt)["steps"] == 7
    straight_state, resumed_state = straight_opt.state_dict(), resumed_opt.state_dict()
    assert straight_state["hyperparameters"] == resumed_state["hyperparameters"]
    assert straight_state["arrays"].keys() == resumed_state["arrays"].keys()
    for key, value in straight_state["arrays"].items():
        assert np.array_equal(value, resumed_state["arrays"][key]), key


def test_without_the_optimiser_state_adam_does_not_resume_exactly(tmp_path):
    """The control: parameters alone are not enough (Adam's moments and step count matter),
    so the test above can fail."""
    first, rest = make_batches(0, 4), make_batches(1, 3)
    straight = make_model(0)
    fit(straight, Adam(straight, lr=0.02), first + rest, progress=False)
    interrupted = make_model(0)
    fit(interrupted, Adam(interrupted, lr=0.02), first, progress=False)
    io.save(tmp_path / "params.npz", interrupted)
    resumed = make_model(1)
    io.load(tmp_path / "params.npz", resumed)
    fit(resumed, Adam(resumed, lr=0.02), rest, progress=False)
    assert not np.array_equal(straight.head.params["W"], resumed.head.params["W"])


def test_history_survives_an_error_midway_and_the_failing_step_changes_nothing():
    batches = make_batches(3, 4)
    inputs, targets = batches[2]
    batches[2] = (inputs, np.full_like(targets, V))  # class V does not exist
    model, reference = make_model(3), make_model(3)
    optimizer, reference_opt = Adam(model, lr=0.01), Adam(reference, lr=0.01)
    with pytest.raises(ValueError, match=r"targets: expected indices in \[0, 6\), got 6") as raised:
        fit(model, optimizer, batches, progress=False)
    history = raised.value.history
    assert isinstance(history, History)
    assert len(history.loss) == len(history.grad_norm) == 2
    assert history.epoch_loss == []  # the epoch did not finish
    assert "2 steps were done before this error" in "\n".join(raised.value.__notes__)
    # the two steps done are kept, and they are exactly two good steps (no half step)
    reference_history = fit(reference, reference_opt, batches[:2], progress=False)
    assert history.loss == reference_history.loss
    assert_unchanged(
        {"m": snapshot(reference), "o": snapshot(reference_opt)}, {"m": model, "o": optimizer}
    )


def test_history_survives_keyboard_interrupt_from_a_batch_source():
    """A long run stopped by the user (here: the batch source raises KeyboardInterrupt in
    epoch 2) keeps every completed step and epoch."""
    batches = make_batches(4, 3)

    def epochs():
        calls.append(1)
        if len(calls) == 2:
            yield batches[0]
            raise KeyboardInterrupt
        yield from batches

    calls = []
    model = make_model(4)
    history = History()
    with pytest.raises(KeyboardInterrupt) as raised:
        fit(model, Adam(model), epochs, epochs=3, progress=False, history=history)
    assert raised.value.history is history
    assert len(history.loss) == 4 and len(history.epoch_loss) == 1
    assert history.epoch_loss[0] == pytest.approx(np.mean(history.loss[:3]))


def test_fit_appends_to_a_given_history():
    batches = make_batches(5, 2)
    model = make_model(5)
    optimizer = Adam(model)
    history = fit(model, optimizer, batches, progress=False)
    again = fit(model, optimizer, batches, progress=False, history=history)
    assert again is history
    assert len(history.loss) == 4 and len(history.epoch_loss) == 2


def test_an_optimiser_for_another_model_is_refused_and_nothing_trains():
    """Before the fix, fit(model, Adam(other)) silently trained nothing."""
    model, other = make_model(0), make_model(1)
    before = {"model": snapshot(model), "other": snapshot(other)}
    with pytest.raises(ValueError, match="optimizer: expected an optimiser built for this model"):
        fit(model, Adam(other, lr=0.1), make_batches(0, 2), progress=False)
    assert_unchanged(before, {"model": model, "other": other})


def test_one_shot_batches_and_empty_epochs_are_refused():
    """Before the fix: epoch losses [1.5, nan, nan] from a generator, and [nan] from []."""
    model = make_model(0)
    optimizer = Adam(model)
    before = {"model": snapshot(model), "optimizer": snapshot(optimizer)}
    with pytest.raises(ValueError, match="one-pass generator"):
        fit(model, optimizer, (b for b in make_batches(0, 2)), epochs=3, progress=False)
    with pytest.raises(ValueError, match="batches: expected at least one batch"):
        fit(model, optimizer, [], progress=False)
    assert_unchanged(before, {"model": model, "optimizer": optimizer})
    # one pass over a generator is fine
    history = fit(model, optimizer, (b for b in make_batches(0, 2)), progress=False)
    assert len(history.loss) == 2 and np.all(np.isfinite(history.epoch_loss))


def test_a_failing_train_step_leaves_model_gradients_and_optimiser_as_they_were():
    model = make_model(2)
    optimizer = Adam(model)
    inputs, targets = make_batches(2, 1)[0]
    train_step(model, optimizer, inputs, targets)  # gradients and moments are now non-zero
    before = {"model": snapshot(model), "optimizer": snapshot(optimizer)}
    with pytest.raises(ValueError, match="loss"):
        train_step(model, optimizer, inputs, targets, loss=lambda o, t, m: (1.0, np.zeros(2)))
    with pytest.raises(ValueError, match="truncate"):
        train_step(model, optimizer, inputs, targets, truncate=0)
    assert_unchanged(before, {"model": model, "optimizer": optimizer})
