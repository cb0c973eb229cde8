"""Optimisers and gradient clipping. All update a Module's parameters in place.

* SGD with momentum:  v <- mu v - lr g;  p <- p + v
* Adagrad:            s <- s + g^2;      p <- p - lr g / (sqrt(s) + eps)
* Adam:               m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2;
                      p <- p - lr m_hat / (sqrt(v_hat) + eps)  (bias-corrected)
* clip_grad_norm: rescale all gradients together so their global norm is at most
  max_norm (keeps the direction); clip_grad_value: clamp each entry to [-c, c] (can
  change the direction).

An optimiser's state (step count, hyperparameters, per-parameter moments) is
``state_dict()``; ``load_state_dict`` checks a saved one completely before copying it in,
and ``rnnlib.io.save(path, model, optimizer=opt)`` stores it beside the parameters so a
long run resumes exactly where it stopped.
"""

from __future__ import annotations

import numbers

import numpy as np

from ._checks import check_fraction, check_module, check_positive_float
from .module import Module

__all__ = [
    "Optimizer",
    "SGD",
    "Adagrad",
    "Adam",
    "global_grad_norm",
    "clip_grad_norm",
    "clip_grad_value",
]


class Optimizer:
    """Base of the optimisers: ``step()`` updates every parameter of ``module`` in place
    from its gradient; ``state[name]`` holds each parameter's running statistics and
    ``steps`` counts the updates made. Subclasses name their hyperparameters
    (``hyperparameters``, each with the check its constructor applies) and the arrays they
    keep per parameter (``state_keys``, created at the first step like the parameter)."""

    hyperparameters: dict = {"lr": check_positive_float}
    state_keys: tuple[str, ...] = ()

    def __init__(self, module: Module, lr: float):
        self.module = check_module(module)
        self.lr = check_positive_float(lr, "lr")
        self.state = {name: {} for name, _, _ in module.named_parameters()}
        self.steps = 0

    def state_dict(self) -> dict:
        """``{"type", "steps", "hyperparameters": {name: value}, "arrays": {(param, key):
        array}}``: copies of everything the next ``step()`` depends on."""
        return {
            "type": type(self).__name__,
            "steps": self.steps,
            "hyperparameters": {name: getattr(self, name) for name in self.hyperparameters},
            "arrays": {
                (name, key): value.copy()
                for name, arrays in self.state.items()
                for key, value in arrays.items()
            },
        }

    def check_state_dict(self, state: dict, name: str = "state") -> None:
        """Raise ``ValueError``/``TypeError`` naming what does not fit this optimiser and
        its module (type, step count, hyperparameters, array names, shapes, dtypes, NaN)."""
        if not isinstance(state, dict) or set(state) != {
            "type",
            "steps",
            "hyperparameters",
            "arrays",
        }:
            raise ValueError(
                f"{name}: expected a dict with type, steps, hyperparameters and arrays, got "
                f"{sorted(state) if isinstance(state, dict) else type(state).__name__}"
            )
        if state["type"] != type(self).__name__:
            raise ValueError(
                f"{name}: expected the state of a {type(self).__name__}, got one of a {state['type']}"
            )
        steps = state["steps"]
        if isinstance(steps, bool) or not isinstance(steps, numbers.Integral) or steps < 0:
            raise ValueError(f"{name}: expected a step count >= 0, got {steps!r}")
        hyper = state["hyperparameters"]
        if not isinstance(hyper, dict) or set(hyper) != set(self.hyperparameters):
            raise ValueError(
                f"{name}: expected hyperparameters {sorted(self.hyperparameters)}, got "
                f"{sorted(hyper) if isinstance(hyper, dict) else type(hyper).__name__}"
            )
        for key, check in self.hyperparameters.items():
            try:
                check(hyper[key], f"{name}: hyperparameter {key}")
            except TypeError as error:  # a state is one value: every flaw is a ValueError
                raise ValueError(str(error)) from None
        params = {n: p for n, p, _ in self.module.named_parameters()}
        arrays = state["arrays"]
        for pair, value in arrays.items():
            if not (isinstance(pair, tuple) and len(pair) == 2 and pair[0] in params) or (
                pair[1] not in self.state_keys
            ):
                raise ValueError(
                    f"{name}: unexpected array {pair!r} (expected (parameter name, one of "
                    f"{list(self.state_keys)}))"
                )
            param = params[pair[0]]
            if not isinstance(value, np.ndarray) or (value.shape, value.dtype) != (
                param.shape,
                param.dtype,
            ):
                raise ValueError(
                    f"{name}: array {pair!r} should have shape {param.shape} and dtype "
                    f"{param.dtype} like its parameter, got {_describe_array(value)}"
                )
            if not np.all(np.isfinite(value)):
                raise ValueError(f"{name}: array {pair!r} holds NaN or infinite values")

    def load_state_dict(self, state: dict) -> None:
        """Check ``state`` (see :meth:`check_state_dict`), then make it this optimiser's."""
        self.check_state_dict(state)
        self.steps = int(state["steps"])
        for key, value in state["hyperparameters"].items():
            setattr(self, key, float(value))
        self.state = {name: {} for name in self.state}
        for (name, key), value in state["arrays"].items():
            self.state[name][key] = value.copy()

    def zero_grad(self) -> None:
        """Zero the module's gradients (before the next backward)."""
        self.module.zero_grad()

    def step(self) -> None:
        """One update of every parameter from its current gradient."""
        self.steps += 1
        for name, param, grad in self.module.named_parameters():
            self.update(param, grad, self.state[name])

    def update(self, param, grad, state) -> None:  # pragma: no cover - abstract
        """Update one parameter in place; ``state`` is its dict of running statistics."""
        raise NotImplementedError


def _describe_array(value) -> str:
    if isinstance(value, np.ndarray):
        return f"shape {value.shape} and dtype {value.dtype}"
    return type(value).__name__


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum ``mu``:
    ``v <- mu v - lr g;  p <- p + v`` (``p <- p - lr g`` when mu = 0). State: ``velocity``."""

    hyperparameters = {"lr": check_positive_float, "momentum": check_fraction}
    state_keys = ("velocity",)

    def __init__(self, module, lr: float, momentum: float = 0.0):
        super().__init__(module, lr)
        self.momentum = check_fraction(momentum, "momentum")

    def update(self, param, grad, state):
        if self.momentum == 0.0:
            param -= self.lr * grad
            return
        velocity = state.setdefault("velocity", np.zeros_like(param))
        velocity *= self.momentum
        velocity -= self.lr * grad
        param += velocity


class Adagrad(Optimizer):
    """Adagrad: ``s <- s + g^2;  p <- p - lr g / (sqrt(s) + eps)``; per-entry step sizes
    that shrink where gradients have been large. State: ``sum_squares``."""

    hyperparameters = {"lr": check_positive_float, "eps": check_positive_float}
    state_keys = ("sum_squares",)

    def __init__(self, module, lr: float = 0.01, eps: float = 1e-8):
        super().__init__(module, lr)
        self.eps = check_positive_float(eps, "eps")

    def update(self, param, grad, state):
        squares = state.setdefault("sum_squares", np.zeros_like(param))
        squares += grad * grad
        param -= self.lr * grad / (np.sqrt(squares) + self.eps)


class Adam(Optimizer):
    """Adam (Kingma & Ba 2015) with bias correction::

        m <- b1 m + (1 - b1) g,   v <- b2 v + (1 - b2) g^2
        p <- p - lr sqrt(1 - b2^k) / (1 - b1^k) * m / (sqrt(v) + eps)

    State: ``mean`` (m) and ``square`` (v); k = ``steps``."""

    hyperparameters = {
        "lr": check_positive_float,
        "beta1": check_fraction,
        "beta2": check_fraction,
        "eps": check_positive_float,
    }
    state_keys = ("mean", "square")

    def __init__(self, module, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        super().__init__(module, lr)
        self.beta1 = check_fraction(beta1, "beta1")
        self.beta2 = check_fraction(beta2, "beta2")
        self.eps = check_positive_float(eps, "eps")

    def update(self, param, grad, state):
        mean = state.setdefault("mean", np.zeros_like(param))
        square = state.setdefault("square", np.zeros_like(param))
        mean *= self.beta1
        mean += (1.0 - self.beta1) * grad
        square *= self.beta2
        square += (1.0 - self.beta2) * grad * grad
        step_size = self.lr * np.sqrt(1.0 - self.beta2**self.steps) / (1.0 - self.beta1**self.steps)
        param -= step_size * mean / (np.sqrt(square) + self.eps)


def global_grad_norm(module: Module) -> float:
    """``sqrt(sum of squares of every gradient entry)``."""
    return float(
        np.sqrt(sum(float(np.vdot(g, g)) for _, _, g in check_module(module).named_parameters()))
    )


def clip_grad_norm(module: Module, max_norm: float) -> float:
    """Scale all gradients by ``min(1, max_norm / norm)``; return the norm before clipping."""
    max_norm = check_positive_float(max_norm, "max_norm")
    norm = global_grad_norm(check_module(module))
    if norm > max_norm:
        scale = max_norm / norm
        for _, _, grad in module.named_parameters():
            grad *= scale
    return norm


def clip_grad_value(module: Module, max_value: float) -> float:
    """Clamp every gradient entry to ``[-max_value, max_value]``; return the norm before."""
    max_value = check_positive_float(max_value, "max_value")
    norm = global_grad_norm(module)
    for _, _, grad in module.named_parameters():
        np.clip(grad, -max_value, max_value, out=grad)
    return norm
