"""One root cause, one finding: the failing identities a single cell explains.

Every 表三 cell sits in two or three identities (its row's H3, its column's H2 or H1), so a
reviewer who changes one cell breaks two or three of them at once. Reporting each broken
identity on its own gives three findings, two of which blame a total that is right. This
module finds the cell behind them instead:

- **with data** (``--data``): a cell whose value differs from the data *causes* every failing
  identity it is in whose imbalance the data's values of the differing cells remove;
- **without data**: a cell *explains* a set of failing identities when one change of that cell
  would balance all of them and it is in no identity that holds (all of whose cells were read).
  When exactly one cell explains two or more failing identities, it is named as the likely
  cause. When several cells would do (表四: any of a group's five cells), the report's own prose
  may decide: a cell whose value the prose states (“行政复议结果维持 72 件”) and whose stated value
  balances the identities is the cause — the prose and the other cells agree against it. Else
  nothing is guessed and the identity is reported as such, without blaming its total.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import chain

from draft_report.records import dataclass
from draft_report.tables.identities import Identity, IdentitySet

Getter = Callable[[str], int | float | None]
_EPS = 1e-9


@dataclass(frozen=True)
class Failure:
    """An identity that does not hold: its two sides' sums."""

    identity: Identity
    left: float
    right: float

    @property
    def residual(self) -> float:
        return self.left - self.right


@dataclass(frozen=True)
class Cause:
    """One cell whose value, changed to ``expected``, makes every failing identity it is in hold."""

    cell_id: str
    actual: float
    expected: float  # the value that balances every identity in ``failures``
    failures: tuple[Failure, ...]
    stated: bool = False  # the report's prose states ``expected`` for this cell


def coefficient(identity: Identity, cell_id: str) -> int:
    """How a cell enters ``lhs − rhs``: +1, −1, or 0 when it is not in the identity."""
    return (cell_id in identity.lhs) - (cell_id in identity.rhs)


def evaluate(
    identities: IdentitySet, values: Mapping[str, int | float]
) -> tuple[list[Failure], list[Identity]]:
    """(failing identities, holding identities) over ``values`` (the non-blank cells);
    identities with a blank cell are neither."""
    failing: list[Failure] = []
    holding: list[Identity] = []
    sides = iter(identities.sides(values))  # NaN: a side with a blank cell
    for ident, left, right in zip(identities.identities, sides, sides, strict=True):
        if left != left or right != right:
            continue
        if abs(left - right) < _EPS:
            holding.append(ident)
        else:
            failing.append(Failure(ident, left, right))
    return failing, holding


def data_causes(failing: list[Failure], get: Getter, expected: dict[str, float]) -> dict[str, list[Failure]]:
    """Cell → the failing identities its difference from the data accounts for.

    An identity is accounted for when putting the data's values into all of its differing
    cells balances it; it is then attached to each of those cells."""
    out: dict[str, list[Failure]] = {}
    for f in failing:
        cells = [c for c in (*f.identity.lhs, *f.identity.rhs) if c in expected]
        if not cells:
            continue
        shift = 0.0
        for c in cells:
            actual = get(c)
            if actual is None:
                break
            shift += coefficient(f.identity, c) * (expected[c] - actual)
        else:
            if abs(f.residual + shift) < _EPS:
                for c in cells:
                    out.setdefault(c, []).append(f)
    return out


def holding_cells(holding: list[Identity]) -> set[str]:
    """The cells of the identities that hold (every one of their cells was read)."""
    cells = set(chain.from_iterable([ident.lhs for ident in holding]))
    cells.update(chain.from_iterable([ident.rhs for ident in holding]))
    return cells


def inferred_causes(
    failing: list[Failure], holding: list[Identity], get: Getter, stated: dict[str, set[float]] | None = None,
    in_holding: set[str] | None = None,
) -> list[Cause]:
    """Cells that alone explain two or more failing identities, each the only such cell for them;
    or, among the cells that would explain a set, the one cell whose balancing value the prose
    states (``stated``: cell → values the report's prose gives for it). ``in_holding``: the
    ``holding_cells``, when the caller has them already."""
    stated = stated or {}
    if in_holding is None:
        in_holding = holding_cells(holding)
    candidates: dict[str, Cause] = {}
    cells = dict.fromkeys(c for f in failing for c in (*f.identity.lhs, *f.identity.rhs))
    for cell in cells:
        if cell in in_holding:
            continue
        actual = get(cell)
        if actual is None:
            continue
        mine = [f for f in failing if coefficient(f.identity, cell)]
        deltas = {round(-f.residual / coefficient(f.identity, cell), 9) for f in mine}
        if not mine or len(deltas) != 1:
            continue
        delta = deltas.pop()
        if actual + delta < 0:  # no count can be negative: not an explanation
            continue
        said = any(abs(v - (actual + delta)) < _EPS for v in stated.get(cell, ()))
        candidates[cell] = Cause(cell, actual, actual + delta, tuple(mine), said)
    # a set of failures explained by two different cells is ambiguous: name neither, unless the
    # prose states the balancing value of exactly one of them
    by_set: dict[frozenset[str], list[Cause]] = {}
    for cause in candidates.values():
        by_set.setdefault(frozenset(f.identity.name for f in cause.failures), []).append(cause)
    unique: list[Cause] = []
    for causes in by_set.values():
        stating = [c for c in causes if c.stated]
        if len(stating) == 1:
            unique.append(stating[0])
        elif len(causes) == 1 and len(causes[0].failures) >= 2:
            unique.append(causes[0])
    # larger explanations first; a failure is claimed by one cause only
    unique.sort(key=lambda c: -len(c.failures))
    claimed: set[str] = set()
    out: list[Cause] = []
    for cause in unique:
        names = {f.identity.name for f in cause.failures}
        if names & claimed:
            continue
        claimed |= names
        out.append(cause)
    return out
