"""Shared test setup: the hypothesis profiles, the ``--fuzz-long`` and ``--update-golden``
options, and the ``slow`` marker.

Property tests run a small, bounded number of examples by default so the whole suite stays
fast. ``RENAKSI_FUZZ=long`` (or ``pytest --fuzz-long``, which sets that variable) loads the
``long`` profile instead, and the property tests then ask for many more examples; use it
before a release or after touching the loader.

``pytest --update-golden`` rewrites the golden report files in ``tests/golden/`` instead of
comparing against them (see ``tests/test_golden.py``); review the diff before committing.
"""

from __future__ import annotations

import os
import tempfile

import pytest
from hypothesis import HealthCheck, settings

FUZZ_ENV = "RENAKSI_FUZZ"

settings.register_profile(
    "default",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.register_profile(
    "long",
    max_examples=2_000,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption(
        "--fuzz-long",
        action="store_true",
        default=False,
        help=f"run the property tests with many more examples (same as {FUZZ_ENV}=long)",
    )
    parser.addoption(
        "--update-golden",
        action="store_true",
        default=False,
        help="rewrite the golden report files in tests/golden/ instead of comparing",
    )


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line("markers", "slow: a test that takes more than a few seconds")
    # Compiled templates go to a folder of this run, not the user's cache (and every report
    # test then also renders through the cache: golden files prove it changes nothing).
    os.environ.setdefault("RENAKSI_CACHE_DIR", tempfile.mkdtemp(prefix="renaksi-test-cache-"))
    if config.getoption("--fuzz-long"):
        os.environ[FUZZ_ENV] = "long"
    long = os.environ.get(FUZZ_ENV, "").lower() == "long"
    settings.load_profile("long" if long else "default")


@pytest.fixture
def update_golden(request: pytest.FixtureRequest) -> bool:
    """True when the run was asked to rewrite the golden files (``--update-golden``)."""
    return bool(request.config.getoption("--update-golden"))
