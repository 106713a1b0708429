"""One timing harness for the benchmarks: load a pipeline, run it over documents, report seconds and peak memory.

Each stage runs in a fresh process (the callers spawn one per stage), so ``ru_maxrss`` is that stage's peak.
"""

from __future__ import annotations

import resource
import time
from collections.abc import Callable
from typing import Any

Docs = list[tuple[str, str, str]]  # (doc id, text, date)


def measure(docs: Docs, load: Callable[[], Any], run: Callable[[Any, Docs], None]) -> dict[str, float]:
    """Seconds to ``load()`` and to ``run(loaded, docs)`` (wall and CPU), with the word count and this process's
    peak MB."""
    words = sum(len(text.split()) for _, text, _ in docs)
    started = time.perf_counter()
    loaded = load()
    ready, cpu_ready = time.perf_counter(), time.process_time()
    run(loaded, docs)
    done, cpu_done = time.perf_counter(), time.process_time()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "docs": len(docs),
        "words": words,
        "load_s": ready - started,
        "run_s": done - ready,
        "cpu_s": cpu_done - cpu_ready,  # CPU seconds: less sensitive than wall time to a busy machine
        "peak_mb": peak_mb,
    }


def bare_spacy(docs: Docs, n_process: int = 1) -> dict[str, float]:
    """The baseline: the default model's own ``nlp.pipe`` over the same texts (``n_process`` processes)."""
    import spacy

    from kg.extract.pipeline import DEFAULT_MODEL

    def run(nlp: Any, items: Docs) -> None:
        for _ in nlp.pipe((text for _, text, _ in items), batch_size=8, n_process=n_process):
            pass

    return measure(docs, lambda: spacy.load(DEFAULT_MODEL), run)
