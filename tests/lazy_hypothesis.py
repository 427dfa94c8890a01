"""``@hypothesis_property``: a property-based test whose hypothesis is loaded when it runs.

``@given`` needs hypothesis (≈ 0.5 s of CPU to import, more for its pytest plugin's collection
hook) when the test module is imported, and every xdist worker imports every test module to
collect it. Here the strategies are built, and hypothesis imported, when the test is called, so a
worker that runs none of these tests never loads it. The property is the same as with ``@given``:
each example draws every named strategy (one ``fixed_dictionaries`` draw), with the example
budget of the profile (``suite`` or ``long``: tests/conftest.py); a failing example fails the test
and is shrunk as usual. The fixtures the body names come from pytest.
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from typing import Any

from conftest import hypothesis_settings

Strategy = Callable[[Any], Any]  # the hypothesis.strategies module -> a strategy


def hypothesis_property(
    *, at_least: int = 0, **strategies: Strategy
) -> Callable[[Callable[..., None]], Callable[..., None]]:
    """``@hypothesis_property(name=lambda st: strategy, …)``; ``at_least``: a smallest number of
    examples for this property, whatever the profile's budget."""

    def decorate(body: Callable[..., None]) -> Callable[..., None]:
        fixtures = [name for name in inspect.signature(body).parameters if name not in strategies]

        @functools.wraps(body)
        def test(**fixture_values: Any) -> None:
            from hypothesis import given, settings
            from hypothesis import strategies as st

            profile = hypothesis_settings()
            drawn = st.fixed_dictionaries({name: make(st) for name, make in strategies.items()})

            @settings(parent=profile, max_examples=max(at_least, profile.max_examples))
            @given(drawn)
            def example(values: dict[str, Any]) -> None:
                body(**fixture_values, **values)

            example()

        test.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY) for name in fixtures]
        )
        return test

    return decorate
