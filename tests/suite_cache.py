"""Pytest's assertion-rewritten test modules, prepared once before the xdist workers start.

pytest rewrites every test module's ``assert`` statements when it imports the module, and caches
the result in ``tests/__pycache__`` — unless ``PYTHONDONTWRITEBYTECODE`` is set (as in some sandboxes
and CI machines), in which case each xdist worker rewrites all test modules again on every run.
The rewrite is slow (pytest ≥ 8.4 keeps source positions: a few seconds of CPU for this suite, per
process). The controller therefore writes the cache once, on both cores, and the workers load it
(pytest reads its cache whatever ``PYTHONDONTWRITEBYTECODE`` says). The cache entries are pytest's
own hash-checked files: a changed test module is rewritten again, as always.

This uses pytest's internal rewrite helpers; if they change or fail, nothing is prepared and
pytest rewrites the modules itself, as before (slower, same tests, same assertions).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

_CONFIG: Any = None  # the pytest config, inherited by the forked helper processes


def _cache_file(rewrite: Any, path: Path) -> Path:
    return rewrite.get_cache_dir(path) / (path.name[:-3] + rewrite.PYC_TAIL)


def _prepare(path_text: str) -> bool:
    """Rewrite one test module and store it where pytest's import hook looks first."""
    from _pytest.assertion import assertstate_key, rewrite

    path = Path(path_text)
    cache = _cache_file(rewrite, path)
    if not rewrite.try_makedirs(cache.parent):
        return False
    source_hash, code = rewrite._rewrite_test(path, _CONFIG)
    return rewrite._write_pyc(_CONFIG.stash[assertstate_key], code, source_hash, cache)


def prewrite_test_modules(config: Any, files: list[Path]) -> None:
    """Write pytest's rewritten-module cache for ``files`` (only the missing or stale entries)."""
    global _CONFIG
    if config.getoption("assertmode", "rewrite") != "rewrite":
        return
    try:
        from _pytest.assertion import rewrite

        stale = [p for p in files if rewrite._read_pyc(p, _cache_file(rewrite, p)) is None]
    except Exception:  # pytest internals changed: pytest rewrites the modules itself
        return
    if not stale:
        return
    _CONFIG = config
    stale.sort(key=lambda p: p.stat().st_size, reverse=True)  # big modules first: even shares
    jobs = [str(p) for p in stale]
    workers = min(os.cpu_count() or 1, 4)
    try:
        if workers > 1 and len(jobs) > 4:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            context = multiprocessing.get_context("fork")  # the helpers inherit the config
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                list(pool.map(_prepare, jobs, chunksize=1))
        else:
            for job in jobs:
                _prepare(job)
    except Exception:  # a cache that is not written only costs time: pytest rewrites on import
        pass
    finally:
        _CONFIG = None
