"""Checks for the exercises of chapter 2, the vanilla RNN.

Each check runs the learner's answer on small fixed inputs, compares it with the
reference and, when it differs, names the most likely mistake (a missing tanh, a
forgotten bias, targets not shifted, ...). It prints the verdict and returns True or
False; it never raises, and an unattempted stub (returning None or raising
NotImplementedError) gets a hint instead of a traceback.
"""

from __future__ import annotations

import numpy as np

from ..functional import softmax as reference_softmax
from ..i18n import tr
from . import NOT_ATTEMPTED, call_learner, feedback

__all__ = [
    "check_rnn_step",
    "check_rnn_forward",
    "check_softmax",
    "check_next_char_pairs",
    "check_parameter_shapes",
    "check_io_patterns",
    "IO_PATTERN_NAMES",
    "IO_PATTERN_TASKS",
]


def _as_float_array(value, what):
    try:
        array = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        return None, tr(
            "{what}: expected numbers, got {kind}", what=what, kind=type(value).__name__
        )
    return array, None


# ----- 1. one step of the RNN ---------------------------------------------------------------
def _step_inputs():
    rng = np.random.default_rng(20)
    D, H = 3, 4  # different sizes, so that mixing up W_xh and W_hh fails loudly
    return (
        rng.normal(size=D),
        rng.uniform(-0.9, 0.9, size=H),
        rng.normal(size=(H, D)),
        rng.normal(size=(H, H)) * 0.8,
        rng.normal(size=H),
    )


def check_rnn_step(rnn_step) -> bool:
    """``rnn_step(x (D,), h_prev (H,), W_xh (H, D), W_hh (H, H), b (H,)) -> h (H,)``,
    expected ``h = tanh(W_xh x + W_hh h_prev + b)``."""
    title = tr("Exercise 2 (one RNN step)")
    x, h_prev, W_xh, W_hh, b = _step_inputs()
    result, problem = call_learner(rnn_step, x, h_prev, W_xh, W_hh, b)
    if problem:
        if "ValueError" in problem or "matmul" in problem:
            problem += tr(
                " (shapes: x {x}, h_prev {h_prev}, W_xh {W_xh}, W_hh {W_hh}: W_xh multiplies "
                "x, W_hh multiplies h_prev)",
                x=x.shape,
                h_prev=h_prev.shape,
                W_xh=W_xh.shape,
                W_hh=W_hh.shape,
            )
        return feedback(title, [problem])
    h, problem = _as_float_array(result, tr("the result"))
    if problem:
        return feedback(title, [problem])
    if h.shape != (4,):
        return feedback(
            title, [tr("expected a vector of shape (H,) = (4,), got shape {shape}", shape=h.shape)]
        )
    pre = W_xh @ x + W_hh @ h_prev + b
    reference = np.tanh(pre)
    if np.allclose(h, reference):
        return feedback(title, [])
    diagnoses = [
        (pre, tr("you returned the pre-activation: apply tanh to W_xh x + W_hh h_prev + b")),
        (np.tanh(W_xh @ x + W_hh @ h_prev), tr("the bias b is missing")),
        (np.tanh(W_xh @ x + b), tr("h_prev is ignored: without W_hh h_prev there is no memory")),
        (1 / (1 + np.exp(-pre)), tr("that is a sigmoid; the vanilla RNN uses tanh here")),
        (np.maximum(pre, 0), tr("that is ReLU; this exercise uses tanh")),
        (np.tanh(W_xh @ x + W_hh.T @ h_prev + b), tr("W_hh is transposed: use W_hh @ h_prev")),
    ]
    for candidate, message in diagnoses:
        if np.allclose(h, candidate):
            return feedback(title, [message])
    worst = float(np.max(np.abs(h - reference)))
    return feedback(
        title,
        [tr("h differs from tanh(W_xh x + W_hh h_prev + b) by up to {worst:.3g}", worst=worst)],
    )


# ----- 1b. the forward pass over T steps ---------------------------------------------------
def _reference_forward(xs, h0, W_xh, W_hh, b):
    hidden, h = [], h0
    for x in xs:
        h = np.tanh(W_xh @ x + W_hh @ h + b)
        hidden.append(h)
    return np.array(hidden)


def check_rnn_forward(rnn_forward) -> bool:
    """``rnn_forward(xs (T, D), h0 (H,), W_xh, W_hh, b) -> hs (T, H)``: every hidden state
    ``h_t = tanh(W_xh x_t + W_hh h_{t-1} + b)`` for ``t = 1..T``, starting from ``h0``."""
    title = tr("Exercise 3 (the forward pass over T steps)")
    x, h0, W_xh, W_hh, b = _step_inputs()
    steps = 5
    xs = np.random.default_rng(21).normal(size=(steps, x.size))
    result, problem = call_learner(rnn_forward, xs, h0, W_xh, W_hh, b)
    if problem:
        return feedback(title, [problem])
    hs, problem = _as_float_array(result, tr("the result"))
    if problem:
        return feedback(title, [problem])
    reference = _reference_forward(xs, h0, W_xh, W_hh, b)
    T, H = reference.shape
    if hs.shape != (T, H):
        shape_hints = {
            (H,): tr("only one hidden state: return every h_t, stacked into (T, H)"),
            (H, T): tr("transposed: one row per step, (T, H)"),
            (T + 1, H): tr("one row too many: h_0 is the start, not an output; return h_1..h_T"),
        }
        hint = shape_hints.get(hs.shape, tr("one row per step, one column per hidden unit"))
        return feedback(
            title,
            [
                tr(
                    "expected shape (T, H) = ({T}, {H}), got {shape}: {hint}",
                    T=T,
                    H=H,
                    shape=hs.shape,
                    hint=hint,
                )
            ],
        )
    if np.allclose(hs, reference):
        return feedback(title, [])
    first = int(np.argmax(~np.all(np.isclose(hs, reference), axis=1)))
    not_carried = np.array([np.tanh(W_xh @ x_t + W_hh @ h0 + b) for x_t in xs])
    if np.allclose(hs, not_carried):
        message = tr(
            "every step starts again from h0: the state is not carried; feed each new h_t "
            "in as h_prev of the next step"
        )
    elif np.allclose(hs, _reference_forward(xs[::-1], h0, W_xh, W_hh, b)):
        message = tr("the steps run backwards in time: read x_1 first")
    elif first == 0:
        message = tr("h_1 is already wrong: check one step on its own (previous exercise)")
    else:
        message = tr(
            "h_1..h_{first} are right, h_{next} is the first that differs: what changes "
            "from one step to the next?",
            first=first,
            next=first + 1,
        )
    return feedback(
        title,
        [
            tr(
                "step {step} of {T} first disagrees; {message}",
                step=first + 1,
                T=T,
                message=message,
            )
        ],
    )


# ----- 2. softmax with temperature ----------------------------------------------------------
def check_softmax(softmax) -> bool:
    """``softmax(z (C,), temperature=1.0) -> p (C,)``, expected ``exp(z/T) / sum exp(z/T)``,
    finite for large scores."""
    title = tr("Exercise 4 (softmax with temperature)")
    z = np.array([2.0, 1.0, 0.1, -1.0])
    result, problem = call_learner(softmax, z)
    if problem:
        return feedback(title, [problem])
    p, problem = _as_float_array(result, tr("the result"))
    if problem:
        return feedback(title, [problem])
    if p.shape != z.shape:
        return feedback(
            title,
            [
                tr(
                    "expected probabilities of shape {expected}, got {shape}",
                    expected=z.shape,
                    shape=p.shape,
                )
            ],
        )
    problems = []
    if not np.allclose(p, reference_softmax(z)):
        if np.isclose(p.sum(), 1.0):
            problems.append(tr("the probabilities sum to 1 but are not exp(z) / sum(exp(z))"))
        elif np.allclose(p, np.exp(z)):
            problems.append(tr("divide exp(z) by its sum, so that the probabilities add up to 1"))
        else:
            problems.append(
                tr(
                    "softmax([2, 1, 0.1, -1]) should be {expected}",
                    expected=np.round(reference_softmax(z), 3),
                )
            )
        return feedback(title, problems)
    for temperature in (0.5, 2.0):
        result, problem = call_learner(softmax, z, temperature=temperature)
        if problem:
            return feedback(
                title,
                [
                    tr(
                        "with temperature={temperature}: {problem}",
                        temperature=temperature,
                        problem=problem,
                    )
                ],
            )
        p_t, _ = _as_float_array(result, tr("the result"))
        if p_t is None or p_t.shape != z.shape:
            return feedback(
                title,
                [
                    tr(
                        "with temperature={temperature}: expected shape {shape}",
                        temperature=temperature,
                        shape=z.shape,
                    )
                ],
            )
        if np.allclose(p_t, reference_softmax(z, temperature=temperature)):
            continue
        if np.allclose(p_t, reference_softmax(z)):
            problems.append(tr("the temperature is ignored: divide the scores by it, z / T"))
        elif np.allclose(p_t, reference_softmax(z, temperature=1.0 / temperature)):
            problems.append(tr("the scores are multiplied by T; divide them: z / T"))
        else:
            problems.append(
                tr("temperature={temperature} gives a wrong distribution", temperature=temperature)
            )
        return feedback(title, problems)
    large = np.array([1000.0, 999.0, 0.0])
    with np.errstate(all="ignore"):
        result, problem = call_learner(softmax, large)
    if problem:
        return feedback(title, [tr("for scores [1000, 999, 0]: {problem}", problem=problem)])
    p_large, _ = _as_float_array(result, tr("the result"))
    if p_large is None or not np.allclose(p_large, reference_softmax(large)):
        problems.append(
            tr(
                "softmax([1000, 999, 0]) overflows (exp(1000) is inf): subtract max(z) before "
                "exp, which cancels in the ratio"
            )
        )
    return feedback(title, problems)


# ----- 3. next-character training pairs -----------------------------------------------------
def _show(ids, vocab) -> str:
    """Ids as the text they spell, or as numbers when some are not valid ids."""
    if ids.ndim == 1 and ids.size and ids.min() >= 0 and ids.max() < len(vocab):
        return repr(vocab.decode(ids))
    return str(ids.tolist())


def check_next_char_pairs(make_pairs) -> bool:
    """``make_pairs(text, vocab) -> (input_ids, target_ids)``: the model reads
    ``text[:-1]`` and must predict ``text[1:]``, one character ahead."""
    from ..data.encoding import Vocabulary

    title = tr("Exercise 5 (next-character training pairs)")
    problems = []
    for text in ("hihello", "hello"):
        vocab = Vocabulary(text)
        result, problem = call_learner(make_pairs, text, vocab)
        if problem:
            return feedback(title, [tr("for {text!r}: {problem}", text=text, problem=problem)])
        if not isinstance(result, tuple) or len(result) != 2:
            return feedback(title, [tr("expected a pair (input_ids, target_ids)")])
        inputs, targets = (np.asarray(part) for part in result)
        if inputs.dtype.kind not in "iu" or targets.dtype.kind not in "iu":
            return feedback(
                title,
                [
                    tr(
                        "expected integer ids (use vocab.encode), got dtypes {inputs} and "
                        "{targets}",
                        inputs=inputs.dtype,
                        targets=targets.dtype,
                    )
                ],
            )
        want_in, want_out = vocab.encode(text[:-1]), vocab.encode(text[1:])
        if inputs.shape != want_in.shape or targets.shape != want_out.shape:
            problems.append(
                tr(
                    "for {text!r} expected {n} inputs and {n} targets (the last character has "
                    "no next one), got shapes {inputs} and {targets}",
                    text=text,
                    n=len(text) - 1,
                    inputs=inputs.shape,
                    targets=targets.shape,
                )
            )
        elif np.array_equal(inputs, want_out) and np.array_equal(targets, want_in):
            problems.append(tr("inputs and targets are swapped: the input comes first"))
        elif np.array_equal(inputs, targets):
            problems.append(tr("inputs and targets are the same: shift the targets one step ahead"))
        elif not (np.array_equal(inputs, want_in) and np.array_equal(targets, want_out)):
            problems.append(
                tr(
                    "for {text!r} expected inputs {want_inputs!r} and targets "
                    "{want_targets!r}, got {inputs} and {targets}",
                    text=text,
                    want_inputs=text[:-1],
                    want_targets=text[1:],
                    inputs=_show(inputs, vocab),
                    targets=_show(targets, vocab),
                )
            )
        if problems:
            break
    return feedback(title, problems)


# ----- 4. parameter shapes ------------------------------------------------------------------
def check_parameter_shapes(shapes: dict, vocab_size: int = 5, hidden_size: int = 8) -> bool:
    """``shapes``: ``{"W_xh": ..., "W_hh": ..., "b": ..., "W_hy": ..., "b_y": ...}`` for a
    character RNN with one-hot inputs of size ``vocab_size`` and ``hidden_size`` units."""
    title = tr("Exercise 1 (parameter shapes)")
    C, H = vocab_size, hidden_size
    expected = {"W_xh": (H, C), "W_hh": (H, H), "b": (H,), "W_hy": (C, H), "b_y": (C,)}
    why = {
        "W_xh": tr(
            "it maps a one-hot input (size {C}) to the hidden state (size {H}): (H, D)", C=C, H=H
        ),
        "W_hh": tr("it maps h_(t-1) (size {H}) to the hidden state (size {H})", H=H),
        "b": tr("one bias per hidden unit"),
        "W_hy": tr(
            "it maps the hidden state (size {H}) to one score per character ({C}): (C, H)",
            C=C,
            H=H,
        ),
        "b_y": tr("one bias per output score"),
    }
    if not isinstance(shapes, dict):
        return feedback(
            title, [tr("expected a dict name -> shape, got {kind}", kind=type(shapes).__name__)]
        )
    if all(value in (None, ...) for value in shapes.values()) or not shapes:
        return feedback(title, [tr(NOT_ATTEMPTED)])
    problems = []
    for name, want in expected.items():
        if name not in shapes:
            problems.append(tr("{name} is missing", name=name))
            continue
        try:
            got = tuple(int(n) for n in np.atleast_1d(shapes[name]))
        except (TypeError, ValueError):
            problems.append(
                tr(
                    "{name}: expected a shape tuple such as {want}, got {got!r}",
                    name=name,
                    want=want,
                    got=shapes[name],
                )
            )
            continue
        if got == want:
            continue
        hint = tr(" (transposed)") if got == want[::-1] and len(want) == 2 else ""
        problems.append(
            tr(
                "{name}: expected {want}{hint}, got {got}; {why}",
                name=name,
                want=want,
                hint=hint,
                got=got,
                why=why[name],
            )
        )
    return feedback(title, problems)


# ----- 5. input/output patterns -------------------------------------------------------------
IO_PATTERN_NAMES = (
    "one-to-many",
    "many-to-one",
    "many-to-many aligned",
    "many-to-many not aligned",
)

#: task -> (pattern, why)
IO_PATTERN_TASKS = {
    "sentiment: '이 숙소 짱입니다' -> Positive": (
        "many-to-one",
        "a whole sentence goes in, one label comes out after the last word",
    ),
    "next character: 'hell' -> 'ello'": (
        "many-to-many aligned",
        "one prediction per input character, at the same step",
    ),
    "image captioning: one image -> a sentence": (
        "one-to-many",
        "a single input starts a sequence of output words",
    ),
    "translation: an English sentence -> a Korean sentence": (
        "many-to-many not aligned",
        "the output has its own length and word order: read everything, then write",
    ),
    "part-of-speech tagging: one tag per word": (
        "many-to-many aligned",
        "each word gets its tag at its own step",
    ),
    "intent: '알람 꺼줘' -> Alarm.Off": (
        "many-to-one",
        "a command goes in, one intent label comes out",
    ),
}


def _normalise_pattern(name) -> str:
    text = str(name).lower().replace("_", " ").replace("-", " ").replace(",", " ")
    text = text.replace("(", " ").replace(")", " ")
    words = text.split()
    joined = " ".join(words)
    for pattern in IO_PATTERN_NAMES:
        if joined == pattern.replace("-", " "):
            return pattern
    if joined.startswith("many to many"):
        if "not" in words or "unaligned" in words or "non" in joined:
            return "many-to-many not aligned"
        if "aligned" in words:
            return "many-to-many aligned"
        return "many-to-many"
    return joined


def check_io_patterns(answers: dict) -> bool:
    """``answers``: task (a key of :data:`IO_PATTERN_TASKS`) -> one of :data:`IO_PATTERN_NAMES`."""
    title = tr("Exercise 6 (input/output patterns)")
    if not isinstance(answers, dict):
        return feedback(
            title, [tr("expected a dict task -> pattern, got {kind}", kind=type(answers).__name__)]
        )
    if not answers or all(value in (None, ..., "") for value in answers.values()):
        return feedback(title, [tr(NOT_ATTEMPTED)])
    problems = []
    for task, (pattern, why) in IO_PATTERN_TASKS.items():
        if task not in answers or answers[task] in (None, ..., ""):
            problems.append(tr("{task}: no answer yet", task=task))
            continue
        given = _normalise_pattern(answers[task])
        if given == pattern:
            continue
        if given == "many-to-many" and pattern.startswith("many-to-many"):
            problems.append(
                tr("{task}: many-to-many, but aligned or not? {why}", task=task, why=tr(why))
            )
        elif given not in IO_PATTERN_NAMES:
            choices = ", ".join(repr(n) for n in IO_PATTERN_NAMES)
            problems.append(
                tr(
                    "{task}: {answer!r} is not one of {choices}",
                    task=task,
                    answer=answers[task],
                    choices=choices,
                )
            )
        else:
            problems.append(tr("{task}: not {given}; {why}", task=task, given=given, why=tr(why)))
    return feedback(title, problems)
