"""Auto-checks for the exercises of chapter 4 (LSTM and GRU).

Each check runs the learner's answer on a few cases, compares it with the reference and
prints why an answer is wrong (see :func:`rnnlib.exercises.feedback`); it never raises
for a wrong or unfinished answer, and returns True only when every case is right.

1. :func:`check_gru_step` - one GRU step in numpy, equal to rnnlib's ``GRUCell``.
2. :func:`check_parameter_count` - parameters of an RNN, LSTM and GRU cell from D and H.
3. :func:`check_forget_gate` - the constant forget gate that keeps half of the cell state
   (and of its gradient) over 100 steps, and the bias that gives it.
4. :func:`check_lstm_step_backward` - the backward pass of one LSTM step, checked against
   numerical gradients parameter by parameter; a wrong answer is traced to the gate whose
   gradient is wrong (``db`` holds the four gates' pre-activation gradients), a transposed
   weight gradient, or the gradient path through ``tanh(c_t)``. The forward step it
   differentiates is :func:`lstm_step_forward`.
"""

from __future__ import annotations

import math
import numbers

import numpy as np

from ..cells import CELL_TYPES, GRUCell
from ..functional import sigmoid
from ..gradcheck import numerical_gradient, relative_error
from ..i18n import tr
from . import call_learner, explain_array, feedback

__all__ = [
    "check_gru_step",
    "check_parameter_count",
    "check_forget_gate",
    "expected_parameters",
    "lstm_step_forward",
    "check_lstm_step_backward",
]


# ----- exercise 1: a GRU step ------------------------------------------------------------------


def _gru_variants(x, h, W_xh, W_hh, b, b_hn):
    """The right step and the usual mistakes, as ``{message or None: h_new}``."""
    H = h.shape[-1]
    xp, hp = x @ W_xh.T + b, h @ W_hh.T

    def block(array, k):
        return array[k * H : (k + 1) * H]

    def step(r_block, z_block, reset_before=False, use_b_hn=True, mix="(1-z)n+zh", gates=sigmoid):
        r = gates(block(xp, r_block) + block(hp, r_block))
        z = gates(block(xp, z_block) + block(hp, z_block))
        bias = b_hn if use_b_hn else 0.0
        if reset_before:
            recurrent = (r * h) @ block(W_hh, 2).T + bias
        else:
            recurrent = r * (block(hp, 2) + bias)
        n = np.tanh(block(xp, 2) + recurrent)
        return (1 - z) * n + z * h if mix == "(1-z)n+zh" else z * n + (1 - z) * h

    return {
        None: step(0, 1),
        tr(
            "the update is mixed the other way round: rnnlib (like PyTorch) uses "
            "h_t = (1 - z) * n + z * h_{t-1}, so z = 1 keeps the old state."
        ): step(0, 1, mix="zn"),
        tr(
            "the reset and update blocks are swapped: the rows of W_xh, W_hh and b are "
            "[reset; update; new], in that order."
        ): step(1, 0),
        tr("b_hn is missing: it sits inside the reset product, r * (h W_hn^T + b_hn)."): step(
            0, 1, use_b_hn=False
        ),
        tr(
            "the reset gate multiplies h before W_hn (the variant of Cho et al. 2014); rnnlib "
            "applies it after the product: r * (h W_hn^T + b_hn)."
        ): step(0, 1, reset_before=True),
        tr("the gates use tanh: reset and update gates are sigmoids (values in 0..1)."): step(
            0, 1, gates=np.tanh
        ),
    }


def check_gru_step(gru_step) -> bool:
    """Check ``gru_step(x (D,), h_prev (H,), W_xh (3H, D), W_hh (3H, H), b (3H,), b_hn (H,))
    -> h (H,)`` against rnnlib's :class:`~rnnlib.cells.GRUCell` on random inputs."""
    title = tr("Exercise 1 (a GRU step)")
    rng = np.random.default_rng(4)
    D, H = 3, 4
    cell = GRUCell(D, H, rng=rng)
    params = {name: value * 2.0 for name, value in cell.params.items()}  # livelier gates
    cell.params.update(params)
    x, h = rng.standard_normal(D), np.tanh(rng.standard_normal(H))
    args = (params["W_xh"], params["W_hh"], params["b"], params["b_hn"])
    result, problem = call_learner(gru_step, x.copy(), h.copy(), *(a.copy() for a in args))
    if problem:
        return feedback(title, [problem])
    try:
        result = np.asarray(result, dtype=float)
    except (TypeError, ValueError):
        return feedback(
            title,
            [tr("expected an array of shape ({H},), got {kind}.", H=H, kind=type(result).__name__)],
        )
    if result.shape != (H,):
        return feedback(
            title,
            [
                tr(
                    "expected the new hidden state, shape ({H},), got {shape}.",
                    H=H,
                    shape=result.shape,
                )
            ],
        )
    (expected,), _ = cell.forward(x[None], (h[None],))
    expected = expected[0]
    known = {m: v for m, v in _gru_variants(x, h, *args).items() if m is not None}
    return explain_array(
        title,
        result,
        expected,
        known,
        tr(
            "the new state differs from rnnlib's GRUCell by up to {error:.3g}. Check each "
            "equation: r = sigmoid(x W_ir^T + h W_hr^T + b_r), z likewise with the second "
            "block, n = tanh(x W_in^T + b_n + r * (h W_hn^T + b_hn)), h' = (1 - z) n + z h."
        ),
    )


# ----- exercise 2: parameter counts ----------------------------------------------------------------


def expected_parameters(cell: str, input_size: int, hidden_size: int) -> int:
    """Parameter count of one rnnlib cell from its formula (D inputs, H units): each of
    its ``num_blocks`` blocks has ``W (H, D)``, ``U (H, H)`` and ``b (H,)``, and the GRU
    adds ``b_hn (H,)``: RNN ``H (D + H + 1)``, LSTM ``4 H (D + H + 1)``, GRU
    ``3 H (D + H + 1) + H``."""
    blocks = CELL_TYPES[cell].num_blocks
    extra = hidden_size if cell == "gru" else 0
    return blocks * hidden_size * (input_size + hidden_size + 1) + extra


def _count_mistakes(cell: str, D: int, H: int) -> dict:
    blocks = CELL_TYPES[cell].num_blocks
    mistakes = {
        blocks * H * (D + H): tr("the biases are missing: each block has H bias entries."),
        blocks * H * (D + H + 2): (
            tr(
                "that is the count of frameworks with two bias vectors per block (b_ih and "
                "b_hh); rnnlib has one b per block plus b_hn for the GRU."
            )
            if cell == "gru"
            else tr(
                "that is the count of frameworks with two bias vectors per block (b_ih and "
                "b_hh); rnnlib has one b per block."
            )
        ),
        H * (D + H + 1): tr(
            "that is one block; this cell stacks {blocks} blocks (one per gate or candidate) "
            "in W_xh, W_hh and b.",
            blocks=blocks,
        ),
        blocks * (D * H + H + H): tr("W_hh is H x H, not H x 1: every unit reads every unit."),
        blocks * H * (D + 1) + H * H: tr("W_hh has one H x H block per gate, not one in total."),
    }
    if cell == "gru":
        mistakes[3 * H * (D + H + 1)] = tr(
            "b_hn is missing: the GRU has H more biases inside r * (...)."
        )
    mistakes.pop(expected_parameters(cell, D, H), None)
    return mistakes


def check_parameter_count(parameter_count) -> bool:
    """Check ``parameter_count(cell, input_size, hidden_size) -> int`` for the cells
    ``"rnn"``, ``"lstm"`` and ``"gru"`` on a few sizes (rnnlib's parameter layout)."""
    title = tr("Exercise 2 (parameter counts)")
    problems = []
    for cell in ("rnn", "lstm", "gru"):
        for D, H in ((2, 16), (10, 20), (7, 3)):
            result, problem = call_learner(parameter_count, cell, D, H)
            if problem:
                return feedback(title, [problem])
            if isinstance(result, bool) or not isinstance(result, numbers.Real):
                return feedback(
                    title, [tr("expected a whole number, got {kind}.", kind=type(result).__name__)]
                )
            expected = expected_parameters(cell, D, H)
            if result != expected:
                hint = _count_mistakes(cell, D, H).get(int(result), "")
                problems.append(
                    tr(
                        "{cell}, D={D}, H={H}: got {result}, expected {expected}. {hint}",
                        cell=cell,
                        D=D,
                        H=H,
                        result=result,
                        expected=expected,
                        hint=hint,
                    ).rstrip()
                )
                break
    return feedback(title, problems)


# ----- exercise 3: a forget gate that remembers ------------------------------------------------


def check_forget_gate(forget, bias, steps: int = 100, keep: float = 0.5) -> bool:
    """Check a constant forget gate value ``forget`` with ``forget ** steps == keep`` and
    the pre-activation ``bias`` with ``sigmoid(bias) == forget``."""
    title = tr("Exercise 3 (a forget gate that remembers)")
    if forget is None or bias is None:
        return feedback(title, [tr("not attempted yet: set `forget` and `bias` to numbers.")])
    problems = []
    for name, value in (("forget", forget), ("bias", bias)):
        if isinstance(value, bool) or not isinstance(value, numbers.Real):
            problems.append(
                tr("{name}: expected a number, got {kind}.", name=name, kind=type(value).__name__)
            )
    if problems:
        return feedback(title, problems)
    target = keep ** (1.0 / steps)
    if not abs(forget - target) < 1e-4:
        kept = forget**steps if 0 <= forget <= 1 else float("nan")
        if abs(forget - (1 - keep / steps)) < 1e-6:
            problems.append(
                tr(
                    "forget = 1 - {keep}/{steps} keeps {kept:.3f}, not {keep}: the fractions "
                    "multiply over the steps (f^100), they do not add up.",
                    keep=keep,
                    steps=steps,
                    kept=kept,
                )
            )
        elif abs(forget - keep / steps) < 1e-6 or abs(forget - keep) < 1e-6:
            problems.append(
                tr(
                    "forget = {forget:g} keeps only {kept:.2g} after {steps} steps: every step "
                    "multiplies the cell state by f, so you need f ** 100 = 0.5.",
                    forget=forget,
                    kept=kept,
                    steps=steps,
                )
            )
        elif not 0 < forget < 1:
            problems.append(
                tr(
                    "forget = {forget:g}: a sigmoid gate lies strictly between 0 and 1.",
                    forget=forget,
                )
            )
        else:
            problems.append(
                tr(
                    "forget = {forget:.5f} keeps {kept:.3f} after {steps} steps, not {keep}: "
                    "solve f ** 100 = 0.5 for f.",
                    forget=forget,
                    kept=kept,
                    steps=steps,
                    keep=keep,
                )
            )
    if 0 < forget < 1:
        wanted = math.log(forget / (1 - forget))  # the bias that gives *your* forget value
        if abs(bias - wanted) > 1e-3 * max(1.0, abs(wanted)):
            problems.append(
                tr(
                    "sigmoid({bias:g}) = {value:.4f}, not your forget value {forget:g}: invert "
                    "the sigmoid, bias = log(f / (1 - f)).",
                    bias=bias,
                    value=1 / (1 + math.exp(-bias)),
                    forget=forget,
                )
            )
    return feedback(title, problems)


# ----- exercise 4: the LSTM step backward --------------------------------------------------------

GATES = ("input", "forget", "candidate", "output")  # the blocks of W_xh, W_hh and b, in order

#: How the feedback names each block (English; translated where it is printed).
GATE_LABELS = {
    "input": "the input gate",
    "forget": "the forget gate",
    "candidate": "the candidate gate",
    "output": "the output gate",
}

#: How each gate's pre-activation gradient (its block of db) is formed, for the feedback.
GATE_FORMULAS = {
    "input": "da_i = dc_t * g * i * (1 - i)",
    "forget": "da_f = dc_t * c_prev * f * (1 - f)",
    "candidate": "da_g = dc_t * i * (1 - g**2)",
    "output": "da_o = dh * tanh(c) * o * (1 - o)",
}


def lstm_step_forward(x, h_prev, c_prev, W_xh, W_hh, b):
    """One LSTM step for one sequence, keeping what the backward pass needs.

    ``x (D,)``, ``h_prev (H,)``, ``c_prev (H,)``, ``W_xh (4H, D)``, ``W_hh (4H, H)``,
    ``b (4H,)`` (blocks input, forget, candidate, output) -> ``(h (H,), c (H,), cache)``::

        a = W_xh x + W_hh h_prev + b = [a_i; a_f; a_g; a_o]
        i, f, o = sigmoid(a_i, a_f, a_o);  g = tanh(a_g)
        c = f * c_prev + i * g;  h = o * tanh(c)

    ``cache`` is a dict with ``x, h_prev, c_prev, i, f, g, o, c, tanh_c, W_xh, W_hh``.
    """
    a_i, a_f, a_g, a_o = np.split(W_xh @ x + W_hh @ h_prev + b, 4)
    i, f, o, g = sigmoid(a_i), sigmoid(a_f), sigmoid(a_o), np.tanh(a_g)
    c = f * c_prev + i * g
    tanh_c = np.tanh(c)
    h = o * tanh_c
    cache = {
        "x": x,
        "h_prev": h_prev,
        "c_prev": c_prev,
        "i": i,
        "f": f,
        "g": g,
        "o": o,
        "c": c,
        "tanh_c": tanh_c,
        "W_xh": W_xh,
        "W_hh": W_hh,
    }
    return h, c, cache


_BACKWARD_NAMES = ("dx", "dh_prev", "dc_prev", "dW_xh", "dW_hh", "db")
_BACKWARD_INPUTS = ("x", "h_prev", "c_prev", "W_xh", "W_hh", "b")


def _backward_case(seed=4, D=3, H=4):
    """A random step with lively gates, upstream gradients, and the numerical gradients
    of ``L = sum(dh * h) + sum(dc * c)`` with respect to every input of the step."""
    rng = np.random.default_rng(seed)
    arrays = {
        "x": rng.standard_normal(D),
        "h_prev": np.tanh(rng.standard_normal(H)),
        "c_prev": rng.standard_normal(H),
        "W_xh": rng.standard_normal((4 * H, D)),
        "W_hh": rng.standard_normal((4 * H, H)),
        "b": rng.standard_normal(4 * H),
    }
    dh, dc = rng.standard_normal(H), rng.standard_normal(H)

    def loss():
        h, c, _ = lstm_step_forward(*(arrays[name] for name in _BACKWARD_INPUTS))
        return float(dh @ h + dc @ c)

    numeric = {
        "d" + name: numerical_gradient(loss, arrays[name], eps=1e-5) for name in _BACKWARD_INPUTS
    }
    return arrays, dh, dc, numeric


def _diagnose_gates(db, want_db, H, problems):
    """Name the gates whose block of ``db`` is wrong (``db`` = the pre-activation
    gradients); return True when every gate is right."""
    wrong = [
        gate
        for k, gate in enumerate(GATES)
        if relative_error(db[k * H : (k + 1) * H], want_db[k * H : (k + 1) * H]) > 1e-6
    ]
    if not wrong:
        return True
    if set(wrong) == {"input", "forget", "candidate"}:
        problems.append(
            tr(
                "the input, forget and candidate gates are wrong while the output gate is "
                "right: all three receive their gradient through c_t, so dc_t is wrong. c_t "
                "also reaches the loss through h = o * tanh(c): "
                "dc_t = dc + dh * o * (1 - tanh(c)**2)."
            )
        )
        return False
    for gate in wrong:
        problems.append(
            tr(
                "{gate}'s gradient is wrong (its block of db, rows {start}:{stop}): "
                "{formula}, where dc_t = dc + dh * o * (1 - tanh(c)**2).",
                gate=tr(GATE_LABELS[gate]),
                start=GATES.index(gate) * H,
                stop=(GATES.index(gate) + 1) * H,
                formula=GATE_FORMULAS[gate],
            )
        )
    return False


def check_lstm_step_backward(lstm_step_backward) -> bool:
    """Check ``lstm_step_backward(dh (H,), dc (H,), cache) -> (dx, dh_prev, dc_prev,
    dW_xh, dW_hh, db)`` for the step :func:`lstm_step_forward`.

    ``dh`` and ``dc`` are dL/dh_t and dL/dc_t from above; every returned gradient has
    the shape of its variable. Each is compared with a numerical gradient (five-point
    central differences, float64); a wrong ``db`` is traced to its gate, a wrong weight
    gradient to a transposed or misplaced gate block.
    """
    title = tr("Exercise 4 (the LSTM step backward)")
    arrays, dh, dc, numeric = _backward_case()
    H = dh.size
    _, _, cache = lstm_step_forward(*(arrays[name].copy() for name in _BACKWARD_INPUTS))
    result, problem = call_learner(lstm_step_backward, dh.copy(), dc.copy(), cache)
    if problem:
        return feedback(title, [problem])
    if not isinstance(result, (tuple, list)) or len(result) != len(_BACKWARD_NAMES):
        return feedback(
            title,
            [tr("expected a tuple of six gradients (dx, dh_prev, dc_prev, dW_xh, dW_hh, db).")],
        )
    grads, problems = {}, []
    for name, value in zip(_BACKWARD_NAMES, result, strict=True):
        want = numeric[name].shape
        try:
            value = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            problems.append(
                tr(
                    "{name}: expected an array of shape {want}, got {kind}.",
                    name=name,
                    want=want,
                    kind=type(value).__name__,
                )
            )
            continue
        if value.shape == want:
            grads[name] = value
        elif value.shape == want[::-1]:
            problems.append(
                tr(
                    "{name} has shape {shape}, the transpose of {want}: a gradient has the "
                    "shape of its variable; for W = W_xh or W_hh, dW = outer(da, input), not "
                    "outer(input, da).",
                    name=name,
                    shape=value.shape,
                    want=want,
                )
            )
        else:
            problems.append(
                tr(
                    "{name}: expected shape {want} (the shape of its variable), got {shape}.",
                    name=name,
                    want=want,
                    shape=value.shape,
                )
            )
    if problems:
        return feedback(title, problems)
    errors = {name: relative_error(grads[name], numeric[name]) for name in _BACKWARD_NAMES}
    wrong = [name for name in _BACKWARD_NAMES if errors[name] > 1e-6]
    if not wrong:
        return feedback(title, [])
    report = ", ".join(
        f"{name} {'OK' if name not in wrong else tr('WRONG')} ({errors[name]:.1e})"
        for name in _BACKWARD_NAMES
    )
    problems.append(tr("gradient check, relative error per gradient: {report}.", report=report))
    gates_right = _diagnose_gates(grads["db"], numeric["db"], H, problems)
    if gates_right:
        for name, source in (("dW_xh", "x"), ("dW_hh", "h_prev")):
            for k, gate in enumerate(GATES):
                rows = slice(k * H, (k + 1) * H)
                mine, want = grads[name][rows], numeric[name][rows]
                if relative_error(mine, want) <= 1e-6:
                    continue
                if mine.shape[0] == mine.shape[1] and relative_error(mine.T, want) <= 1e-6:
                    problems.append(
                        tr(
                            "{gate}'s block of {name} (rows {start}:{stop}) is "
                            "transposed: it must be outer(da_{letter}, {source}) (row = unit "
                            "of the gate, column = entry of {source}), not outer({source}, da).",
                            gate=tr(GATE_LABELS[gate]),
                            name=name,
                            start=k * H,
                            stop=(k + 1) * H,
                            letter=gate[0],
                            source=source,
                        )
                    )
                else:
                    problems.append(
                        tr(
                            "{gate}'s block of {name} (rows {start}:{stop}) is wrong "
                            "although the gate's gradient db is right: {name} = "
                            "outer(db, {source}).",
                            gate=tr(GATE_LABELS[gate]),
                            name=name,
                            start=k * H,
                            stop=(k + 1) * H,
                            source=source,
                        )
                    )
        if "dx" in wrong:
            problems.append(tr("dx is wrong although db is right: dx = W_xh.T @ db."))
        if "dh_prev" in wrong:
            problems.append(tr("dh_prev is wrong although db is right: dh_prev = W_hh.T @ db."))
        if "dc_prev" in wrong:
            problems.append(
                tr(
                    "dc_prev is wrong although the gates are right: along the belt "
                    "dc_prev = dc_t * f, with dc_t = dc + dh * o * (1 - tanh(c)**2)."
                )
            )
    return feedback(title, problems)
