"""Scores for classification and span matching: accuracy, per-class precision/recall/F1, confusion matrix.

>>> accuracy([("A", "A"), ("A", "B")])
0.5
>>> per_class([("A", "A"), ("A", "B")])["A"].recall
0.5
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

NONE = "NONE"  # no prediction: never a class of its own in per-class scores


@dataclass(frozen=True)
class PRF:
    precision: float
    recall: float
    f1: float
    support: int = 0


def accuracy(pairs: Sequence[tuple[str, str]]) -> float:
    """Share of (gold, predicted) pairs that agree.

    >>> accuracy([("A", "A"), ("B", "A")])
    0.5
    """
    return sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def per_class(pairs: Sequence[tuple[str, str]]) -> dict[str, PRF]:
    """Precision, recall and F1 of every class seen in gold or predictions (``NONE`` excluded).

    >>> per_class([("A", "A"), ("A", "B"), ("B", "B")])["B"]
    PRF(precision=0.5, recall=1.0, f1=0.6666666666666666, support=1)
    """
    gold, predicted = Counter(g for g, _ in pairs), Counter(p for _, p in pairs)
    right = Counter(g for g, p in pairs if g == p)
    scores = {}
    for name in sorted((set(gold) | set(predicted)) - {NONE}):
        p = right[name] / predicted[name] if predicted[name] else 0.0
        r = right[name] / gold[name] if gold[name] else 0.0
        scores[name] = PRF(p, r, f1(p, r), gold[name])
    return scores


def confusion(pairs: Sequence[tuple[str, str]]) -> dict[str, dict[str, int]]:
    """gold class -> predicted class -> count."""
    table: dict[str, dict[str, int]] = {}
    for g, p in pairs:
        table.setdefault(g, {}).setdefault(p, 0)
        table[g][p] += 1
    return table


def actor_prf(hits: Iterable[tuple[int, int, int, int]]) -> PRF:
    """Micro P/R/F1 from per-sentence (matched gold, gold, matched predicted, predicted) counts.

    >>> actor_prf([(1, 2, 1, 1), (0, 0, 0, 1)])
    PRF(precision=0.5, recall=0.5, f1=0.5, support=2)
    """
    matched_gold = gold = matched_pred = pred = 0
    for a, b, c, d in hits:
        matched_gold, gold, matched_pred, pred = matched_gold + a, gold + b, matched_pred + c, pred + d
    precision = matched_pred / pred if pred else 0.0
    recall = matched_gold / gold if gold else 0.0
    return PRF(precision, recall, f1(precision, recall), gold)
