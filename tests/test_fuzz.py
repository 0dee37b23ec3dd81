"""The seeded mutation fuzz of bench/fuzz.py, a few hundred mutants of it in CI: damaged copies of
every sample and test file (text, HWP, HWPX, PDF; bytes flipped, cut, spliced, deleted, repeated,
and parts mutated inside the HWPX zip and the HWP container) must each end in a status that is
not an internal error, with a result that serializes to JSON. The mutants are derandomized: mutant
``n`` is the same bytes on every run, so a failure here is reproduced with
``python bench/fuzz.py --start n --count 1 --keep DIR``."""

from __future__ import annotations

import hashlib
import importlib.util
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from .conftest import ROOT

#: Mutants per CI run: about 5 s on an idle 2-core machine (bench/fuzz.py runs thousands).
COUNT = 400


def _load_fuzz() -> ModuleType:
    spec = importlib.util.spec_from_file_location("pledgecard_bench_fuzz", ROOT / "bench" / "fuzz.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


fuzz = _load_fuzz()


def test_mutants_end_in_a_status_that_is_no_internal_error() -> None:
    problems = [f"{o.mutant.name} (mutant {o.mutant.number}): {o.problem}" for o in fuzz.run(COUNT) if o.problem]
    assert problems == []


def test_mutants_cover_every_format_and_mutation() -> None:
    made = list(fuzz.mutants(COUNT))
    formats = Counter(Path(m.seed_file).suffix for m in made)
    assert set(formats) == {".txt", ".hwp", ".hwpx", ".pdf"}
    hows = {m.how for m in made}
    assert set(fuzz.BYTE_MUTATORS) <= hows
    assert {f"part-{how}" for how in fuzz.INNER_MUTATORS} <= hows


def test_mutants_are_derandomized() -> None:
    def digest() -> list[str]:
        return [hashlib.sha256(m.data).hexdigest() for m in fuzz.mutants(40, seed=3)]

    first = digest()
    assert first == digest()
    assert len(set(first)) == len(first)
    again = next(fuzz.mutants(1, seed=3, start=17))
    assert hashlib.sha256(again.data).hexdigest() == first[17]
