"""Auto-checks for the exercises of chapter 3 (BPTT, vanishing and exploding gradients).

Each check calls the learner's function on a few cases, compares with the reference and
prints why an answer is wrong (see :func:`rnnlib.exercises.feedback`); it never raises
for a wrong or unfinished answer, and returns True only when every case is right.

1. :func:`check_step_jacobian` - ``step_jacobian(h_t, W_hh) = diag(1 - h_t^2) W_hh``.
2. :func:`check_steps_to_vanish` - the smallest k with ``(gamma sigma)^k <= factor``.
3. :func:`check_clip_by_norm` - global-norm clipping of a list of gradient arrays.
4. :func:`check_rnn_step_backward` - one step of BPTT, checked parameter by parameter
   against a numerical gradient.
5. :func:`check_rnn_backward` - the whole BPTT loop; says which step first disagrees
   and names the classic ``dh_next`` mistakes.
"""

from __future__ import annotations

import math

import numpy as np

from ..functional import sigmoid_grad, tanh_grad
from ..gradcheck import numerical_gradient, relative_error
from ..i18n import tr
from . import call_learner, explain_array, feedback

__all__ = [
    "check_step_jacobian",
    "check_steps_to_vanish",
    "check_clip_by_norm",
    "check_rnn_step_backward",
    "check_rnn_backward",
]


def check_step_jacobian(step_jacobian) -> bool:
    """Check ``step_jacobian(hidden (H,), W_hh (H, H)) -> (H, H)`` for a tanh RNN step."""
    title = tr("Exercise 3 (step Jacobian)")
    rng = np.random.default_rng(3)
    size = 5
    hidden = np.tanh(rng.standard_normal(size))
    W_hh = rng.standard_normal((size, size))
    slope = tanh_grad(hidden)
    result, problem = call_learner(step_jacobian, hidden.copy(), W_hh.copy())
    if problem:
        return feedback(title, [problem])
    result = np.asarray(result, dtype=float) if result is not None else None
    if result is None or result.shape != (size, size):
        shape = None if result is None else result.shape
        return feedback(
            title,
            [
                tr(
                    "expected an (H, H) = ({size}, {size}) array, got shape {shape}.",
                    size=size,
                    shape=shape,
                )
            ],
        )
    expected = slope[:, None] * W_hh
    known = {
        tr(
            "it equals W_hh: the tanh derivative 1 - h_t^2 is missing (every step multiplies "
            "the gradient by f'(a_t) as well as by W_hh)."
        ): W_hh,
        tr(
            "it scales the columns of W_hh (W_hh @ diag(...)); the derivative belongs to the "
            "output unit i of row i: diag(1 - h_t^2) @ W_hh."
        ): W_hh * slope[None, :],
        tr(
            "it uses W_hh transposed; dh_t/dh_{t-1} has entry (i, j) = (1 - h_i^2) W_hh[i, j]."
        ): slope[:, None] * W_hh.T,
        tr("it uses 1 - h_t; the tanh derivative is 1 - tanh(a)^2 = 1 - h_t^2."): (
            (1.0 - hidden)[:, None] * W_hh
        ),
        tr("it uses h_t (1 - h_t), the *sigmoid* derivative; for tanh it is 1 - h_t^2."): (
            sigmoid_grad(hidden)[:, None] * W_hh
        ),
    }
    return explain_array(
        title,
        result,
        expected,
        known,
        tr(
            "entries differ from diag(1 - h_t^2) @ W_hh by up to {error:.3g}; "
            "build the diagonal from the hidden state h_t (the output of tanh)."
        ),
    )


def _steps_reference(spectral_norm, gamma, factor) -> int | None:
    rate = gamma * spectral_norm
    if rate >= 1:
        return None  # the bound never falls
    k = math.ceil(math.log(factor) / math.log(rate) - 1e-12)
    return max(k, 0)


def check_steps_to_vanish(steps_to_vanish) -> bool:
    """Check ``steps_to_vanish(spectral_norm, gamma, factor) -> int``: the smallest k >= 0
    with ``(gamma * spectral_norm)^k <= factor``, for ``gamma * spectral_norm < 1``."""
    title = tr("Exercise 4 (steps until the bound vanishes)")
    cases = [(0.9, 1.0, 1e-6), (0.5, 1.0, 1e-6), (0.8, 0.25, 1e-3), (0.99, 1.0, 0.01)]
    problems = []
    for spectral_norm, gamma, factor in cases:
        expected = _steps_reference(spectral_norm, gamma, factor)
        result, problem = call_learner(steps_to_vanish, spectral_norm, gamma, factor)
        if problem:
            return feedback(title, [problem])
        case = f"sigma={spectral_norm}, gamma={gamma}, factor={factor:g}"
        if isinstance(result, bool) or not isinstance(result, (int, np.integer)):
            if isinstance(result, (float, np.floating)) and math.isclose(result, expected):
                problems.append(
                    tr(
                        "{case}: {result!r} is right but a float; a step count is an int "
                        "(round up with math.ceil).",
                        case=case,
                        result=result,
                    )
                )
                continue
            problems.append(
                tr(
                    "{case}: expected an int number of steps, got {result!r}.",
                    case=case,
                    result=result,
                )
            )
            continue
        if result == expected:
            continue
        if gamma != 1.0 and result == _steps_reference(spectral_norm, 1.0, factor):
            problems.append(
                tr(
                    "{case}: got {result}, which ignores gamma; the bound per step is "
                    "gamma * sigma (for the sigmoid gamma = 1/4).",
                    case=case,
                    result=result,
                )
            )
        elif result == expected - 1:
            problems.append(
                tr(
                    "{case}: got {result}, one too few: (gamma sigma)^{result} = {bound:.3g} "
                    "is still above {factor:g} (round up, not down).",
                    case=case,
                    result=result,
                    bound=(gamma * spectral_norm) ** result,
                    factor=factor,
                )
            )
        elif result == expected + 1:
            problems.append(
                tr(
                    "{case}: got {result}, one too many: (gamma sigma)^{expected} = "
                    "{bound:.3g} is already <= {factor:g}.",
                    case=case,
                    result=result,
                    expected=expected,
                    bound=(gamma * spectral_norm) ** expected,
                    factor=factor,
                )
            )
        else:
            problems.append(
                tr(
                    "{case}: expected {expected}, got {result}; solve (gamma sigma)^k <= "
                    "factor for k with logarithms (both logs are negative, so the "
                    "inequality flips).",
                    case=case,
                    expected=expected,
                    result=result,
                )
            )
    return feedback(title, problems)


def check_clip_by_norm(clip_by_norm) -> bool:
    """Check ``clip_by_norm(grads: list of arrays, max_norm) -> list of arrays``: scale all
    arrays by ``min(1, max_norm / global_norm)``, with one global norm over all of them."""
    title = tr("Exercise 5 (clipping by the global norm)")
    rng = np.random.default_rng(7)
    big = [rng.standard_normal((3, 4)) * 10.0, rng.standard_normal(4) * 0.1]
    small = [rng.standard_normal((3, 4)) * 0.01, rng.standard_normal(4) * 0.01]
    max_norm = 1.0
    problems = []
    for grads, kind in ((big, tr("a large gradient")), (small, tr("a small gradient"))):
        originals = [g.copy() for g in grads]
        result, problem = call_learner(clip_by_norm, [g.copy() for g in grads], max_norm)
        if problem:
            return feedback(title, [problem])
        if not isinstance(result, (list, tuple)) or len(result) != len(grads):
            return feedback(
                title,
                [
                    tr(
                        "expected a list of {n} arrays, got {kind}.",
                        n=len(grads),
                        kind=type(result).__name__,
                    )
                ],
            )
        result = [np.asarray(r, dtype=float) for r in result]
        if any(r.shape != g.shape for r, g in zip(result, grads, strict=True)):
            return feedback(title, [tr("each returned array must keep the shape of its gradient.")])
        norm = math.sqrt(sum(float(np.sum(g * g)) for g in originals))
        scale = min(1.0, max_norm / norm)
        expected = [g * scale for g in originals]
        if all(np.allclose(r, e) for r, e in zip(result, expected, strict=True)):
            continue
        new_norm = math.sqrt(sum(float(np.sum(r * r)) for r in result))
        per_array = [g * min(1.0, max_norm / np.linalg.norm(g)) for g in originals]
        by_value = [np.clip(g, -max_norm, max_norm) for g in originals]
        if all(np.allclose(r, e) for r, e in zip(result, per_array, strict=True)):
            problems.append(
                tr(
                    "{kind}: each array was clipped by its own norm; use one global norm "
                    "over all arrays, or the update changes direction.",
                    kind=kind,
                )
            )
        elif all(np.allclose(r, e) for r, e in zip(result, by_value, strict=True)):
            problems.append(
                tr(
                    "{kind}: this clips each entry (by value); scale every array by the same "
                    "factor min(1, max_norm / global_norm).",
                    kind=kind,
                )
            )
        elif scale == 1.0:
            problems.append(
                tr(
                    "{kind} (norm {norm:.3g} <= {max_norm}): it must stay unchanged; "
                    "clipping only shrinks gradients above the threshold.",
                    kind=kind,
                    norm=norm,
                    max_norm=max_norm,
                )
            )
        elif new_norm > max_norm * (1 + 1e-9):
            problems.append(
                tr(
                    "{kind}: the clipped global norm is {norm:.3g}, above max_norm = {max_norm}.",
                    kind=kind,
                    norm=new_norm,
                    max_norm=max_norm,
                )
            )
        else:
            problems.append(
                tr(
                    "{kind}: expected every array times {scale:.3g} (same direction, global "
                    "norm {max_norm}); got a different result.",
                    kind=kind,
                    scale=scale,
                    max_norm=max_norm,
                )
            )
    return feedback(title, problems)


# ----- 4. one step of BPTT ------------------------------------------------------------------
def _bptt_case(steps=1):
    """A small batch: x (T, B, D), h (T + 1, B, H) with h[0] = 0, W_xh, W_hh, b, and
    upstream gradients dh (T, B, H). D != H so that a transposed matrix shows in its shape."""
    rng = np.random.default_rng(33)
    B, D, H = 2, 3, 4
    x = rng.standard_normal((steps, B, D))
    W_xh, W_hh, b = rng.normal(0, 0.6, (H, D)), rng.normal(0, 0.6, (H, H)), rng.normal(0, 0.1, H)
    h = np.zeros((steps + 1, B, H))
    h[0] = rng.uniform(-0.5, 0.5, (B, H))  # a nonzero start, so dW_hh is not trivially 0
    for t in range(1, steps + 1):
        h[t] = np.tanh(x[t - 1] @ W_xh.T + h[t - 1] @ W_hh.T + b)
    dh = rng.standard_normal((steps, B, H))
    return x, h, W_xh, W_hh, b, dh


def _step_reference(dh, x_t, h_prev, h_t, W_hh):
    da = (1.0 - h_t**2) * dh
    return da @ W_hh, da.T @ x_t, da.T @ h_prev, da.sum(axis=0)


STEP_OUTPUTS = ("dh_prev", "dW_xh", "dW_hh", "db")


def check_rnn_step_backward(rnn_step_backward) -> bool:
    """``rnn_step_backward(dh (B, H), x_t (B, D), h_prev (B, H), h_t (B, H), W_hh (H, H))
    -> (dh_prev (B, H), dW_xh (H, D), dW_hh (H, H), db (H,))`` for one tanh step
    ``h_t = tanh(x_t W_xh^T + h_prev W_hh^T + b)`` and upstream ``dh = dL/dh_t``.

    Each output is compared with a numerical gradient of ``L = sum(dh * h_t)`` (five-point
    finite differences); a wrong one is named with its relative error and, when
    recognised, the mistake."""
    title = tr("Exercise 1 (one step of BPTT)")
    x, h, W_xh, W_hh, b, dh = _bptt_case(1)
    x_t, h_prev, h_t, dh_t = x[0], h[0], h[1], dh[0]
    result, problem = call_learner(
        rnn_step_backward, dh_t.copy(), x_t.copy(), h_prev.copy(), h_t.copy(), W_hh.copy()
    )
    if problem:
        return feedback(title, [problem])
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        return feedback(title, [tr("expected four results: (dh_prev, dW_xh, dW_hh, db)")])

    params = {"h_prev": h_prev.copy(), "W_xh": W_xh.copy(), "W_hh": W_hh.copy(), "b": b.copy()}

    def loss():
        a = x_t @ params["W_xh"].T + params["h_prev"] @ params["W_hh"].T + params["b"]
        return float(np.sum(dh_t * np.tanh(a)))

    numeric = dict(
        zip(STEP_OUTPUTS, (numerical_gradient(loss, params[n]) for n in params), strict=True)
    )
    da = (1.0 - h_t**2) * dh_t
    known = {
        "dh_prev": [
            (dh_t @ W_hh, tr("the tanh derivative is missing: multiply dh by 1 - h_t^2 first")),
            (da @ W_hh.T, tr("W_hh is transposed: dh_prev = da @ W_hh (rows are vectors here)")),
            (
                (1.0 - h_prev**2) * dh_t @ W_hh,
                tr("use 1 - h_t^2 (this step's output), not h_prev"),
            ),
        ],
        "dW_xh": [
            (dh_t.T @ x_t, tr("the tanh derivative is missing: use da = (1 - h_t^2) * dh")),
        ],
        "dW_hh": [
            (
                h_prev.T @ da,
                tr("transposed: dW_hh = da.T @ h_prev (row i belongs to unit i of h_t)"),
            ),
            (dh_t.T @ h_prev, tr("the tanh derivative is missing: use da = (1 - h_t^2) * dh")),
            (da.T @ h_t, tr("use h_prev (what W_hh multiplied), not h_t")),
        ],
        "db": [
            (da, tr("db has one entry per hidden unit: sum da over the batch (axis 0)")),
            (dh_t.sum(axis=0), tr("the tanh derivative is missing: use da = (1 - h_t^2) * dh")),
        ],
    }
    problems = []
    for name, got in zip(STEP_OUTPUTS, result, strict=True):
        try:
            got = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            problems.append(
                tr("{name}: expected an array, got {kind}", name=name, kind=type(got).__name__)
            )
            continue
        want = numeric[name]
        if got.shape != want.shape:
            hint = tr(" (transposed?)") if got.shape == want.shape[::-1] else ""
            if name == "db" and got.shape == da.shape:
                hint = tr(": one entry per hidden unit, sum over the batch")
            problems.append(
                tr(
                    "{name}: expected shape {want}, got {got}{hint}",
                    name=name,
                    want=want.shape,
                    got=got.shape,
                    hint=hint,
                )
            )
            continue
        error = relative_error(got, want)
        if error < 1e-6:
            continue
        why = next((m for c, m in known[name] if c.shape == got.shape and np.allclose(got, c)), "")
        problems.append(
            tr(
                "{name}: relative error {error:.2g} against the numerical gradient",
                name=name,
                error=error,
            )
            + (f"; {why}" if why else "")
        )
    return feedback(title, problems)


# ----- 5. the whole BPTT loop ---------------------------------------------------------------
def _bptt_reference(dh_local, x, h, W_hh, *, carry="da", accumulate=True, add_local=True):
    """BPTT and its classic mistakes: ``carry`` "da" (right) or "dh" (skips the tanh slope
    on the way back), "sum" (keeps adding into dh_next); ``accumulate`` False overwrites
    the weight gradients; ``add_local`` False drops dL_t/dh_t before the last step."""
    steps, _, H = dh_local.shape
    dW_xh, dW_hh, db = np.zeros((H, x.shape[2])), np.zeros((H, H)), np.zeros(H)
    dh_total = np.zeros_like(dh_local)
    dh_next = np.zeros_like(dh_local[0])
    for t in range(steps, 0, -1):
        local = dh_local[t - 1] if add_local or t == steps else 0.0
        dh = local + dh_next
        dh_total[t - 1] = dh
        da = (1.0 - h[t] ** 2) * dh
        grads = (da.T @ x[t - 1], da.T @ h[t - 1], da.sum(axis=0))
        if accumulate:
            dW_xh, dW_hh, db = dW_xh + grads[0], dW_hh + grads[1], db + grads[2]
        else:
            dW_xh, dW_hh, db = grads
        step_back = {"da": da @ W_hh, "dh": dh @ W_hh, "sum": dh_next + da @ W_hh}
        dh_next = step_back[carry]
    return dW_xh, dW_hh, db, dh_total


#: The classic BPTT mistakes -> what to say (English; translated where it is printed).
BPTT_MISTAKES = {
    (("carry", "dh"),): "dh_next = dh @ W_hh skips the tanh slope: carry da @ W_hh, where "
    "da = (1 - h_t^2) * dh",
    (("carry", "sum"),): "dh_next keeps growing: it is replaced at every step "
    "(dh_next = da @ W_hh), not accumulated (dh_next += ...)",
    (("add_local", False),): "dh at step t must add both parts: dh = dh_local[t] + dh_next; "
    "here the local gradient dL_t/dh_t is dropped",
    (("accumulate", False),): "the weight gradients are overwritten at each step: W_hh is "
    "shared by all steps, so dW_hh += ... (a sum over steps)",
}


def check_rnn_backward(rnn_backward) -> bool:
    """``rnn_backward(dh_local (T, B, H), x (T, B, D), h (T + 1, B, H), W_hh (H, H))
    -> (dW_xh, dW_hh, db, dh_total (T, B, H))`` where ``h[0] = h_0`` and ``dh_local[t-1]``
    is dL_t/dh_t. Reports which step's total gradient dL/dh_t first disagrees (counting
    back from T) and names the classic mistakes with ``dh_next``."""
    title = tr("Exercise 2 (the BPTT loop)")
    x, h, W_xh, W_hh, b, dh_local = _bptt_case(5)
    result, problem = call_learner(rnn_backward, dh_local.copy(), x.copy(), h.copy(), W_hh.copy())
    if problem:
        return feedback(title, [problem])
    if not isinstance(result, (tuple, list)) or len(result) != 4:
        return feedback(title, [tr("expected four results: (dW_xh, dW_hh, db, dh_total)")])
    try:
        got = [np.asarray(part, dtype=float) for part in result]
    except (TypeError, ValueError):
        return feedback(title, [tr("expected four arrays: (dW_xh, dW_hh, db, dh_total)")])
    want = _bptt_reference(dh_local, x, h, W_hh)
    names = ("dW_xh", "dW_hh", "db", "dh_total")
    shapes = [
        tr(
            "{name}: expected shape {want}, got {got}{hint}",
            name=n,
            want=w.shape,
            got=g.shape,
            hint="",
        )
        for n, g, w in zip(names, got, want, strict=True)
        if g.shape != w.shape
    ]
    if shapes:
        return feedback(title, shapes)
    if all(np.allclose(g, w) for g, w in zip(got, want, strict=True)):
        return feedback(title, [])
    problems = []
    for mistake, message in BPTT_MISTAKES.items():
        wrong = _bptt_reference(dh_local, x, h, W_hh, **dict(mistake))
        if all(np.allclose(g, w) for g, w in zip(got, wrong, strict=True)):
            problems.append(tr(message))
            break
    steps = dh_local.shape[0]
    bad = [t for t in range(steps, 0, -1) if not np.allclose(got[3][t - 1], want[3][t - 1])]
    if bad:
        t = bad[0]
        where = (
            tr("the last step, where nothing comes back yet: dh_total[T-1] = dh_local[T-1]")
            if t == steps
            else tr(
                "steps {steps}..{next} are right; BPTT runs from t = T = {steps} back to 1",
                steps=steps,
                next=t + 1,
            )
        )
        problems.insert(
            0, tr("dL/dh_t first disagrees at step t = {t} ({where})", t=t, where=where)
        )
    for name, g, w in zip(names[:3], got[:3], want[:3], strict=True):
        if not np.allclose(g, w):
            problems.append(
                tr("{name}: relative error {error:.2g}", name=name, error=relative_error(g, w))
            )
    return feedback(title, problems)
