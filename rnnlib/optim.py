"""Optimisers and gradient clipping. All update a Module's parameters in place.

* SGD with momentum:  v <- mu v - lr g;  p <- p + v
* Adagrad:            s <- s + g^2;      p <- p - lr g / (sqrt(s) + eps)
* Adam:               m <- b1 m + (1-b1) g;  v <- b2 v + (1-b2) g^2;
                      p <- p - lr m_hat / (sqrt(v_hat) + eps)  (bias-corrected)
* clip_grad_norm: rescale all gradients together so their global norm is at most
  max_norm (keeps the direction); clip_grad_value: clamp each entry to [-c, c] (can
  change the direction).
"""

from __future__ import annotations

import numpy as np

from ._checks import check_fraction, check_nonnegative_float, check_positive_float
from .module import Module

__all__ = ["SGD", "Adagrad", "Adam", "global_grad_norm", "clip_grad_norm", "clip_grad_value"]


def _check_module(module):
    if not isinstance(module, Module):
        raise TypeError(f"module: expected an rnnlib Module, got {type(module).__name__}")
    return module


class Optimizer:
    """Base of the optimisers: ``step()`` updates every parameter of ``module`` in place
    from its gradient; ``state[name]`` holds each parameter's running statistics and
    ``steps`` counts the updates made."""

    def __init__(self, module: Module, lr: float):
        self.module = _check_module(module)
        self.lr = check_positive_float(lr, "lr")
        self.state = {name: {} for name, _, _ in module.named_parameters()}
        self.steps = 0

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


class SGD(Optimizer):
    """Stochastic gradient descent, with optional momentum ``mu``:
    ``v <- mu v - lr g;  p <- p + v`` (``p <- p - lr g`` when mu = 0). State: ``velocity``."""

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
        np.sqrt(sum(float(np.vdot(g, g)) for _, _, g in _check_module(module).named_parameters()))
    )


def clip_grad_norm(module: Module, max_norm: float) -> float:
    """Scale all gradients by ``min(1, max_norm / norm)``; return the norm before clipping."""
    max_norm = check_positive_float(max_norm, "max_norm")
    norm = global_grad_norm(module)
    if norm > max_norm:
        scale = max_norm / norm
        for _, _, grad in module.named_parameters():
            grad *= scale
    return norm


def clip_grad_value(module: Module, max_value: float) -> float:
    """Clamp every gradient entry to ``[-max_value, max_value]``; return the norm before."""
    max_value = check_nonnegative_float(max_value, "max_value")
    norm = global_grad_norm(module)
    for _, _, grad in module.named_parameters():
        np.clip(grad, -max_value, max_value, out=grad)
    return norm
