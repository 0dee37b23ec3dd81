"""Seeded mutation fuzz of every format: damaged copies of the samples and test files, parsed.

    python bench/fuzz.py                       # 3000 mutants, seed 0
    python bench/fuzz.py --count 10000 --seed 5 --keep fuzz-out

Each mutant is one seed file (``samples*/*/*`` and ``tests/data``: text, HWP, HWPX, PDF)
changed by one seeded mutation: bits flipped, cut short, a run of bytes from another seed
spliced in, a run deleted or repeated, bytes set to edge values (00, 7F, 80, FF). HWPX
mutants are also made inside the zip (one part's XML mutated and the package rebuilt) and
HWP mutants inside the OLE container (one decompressed stream mutated, compressed again
and written back), so that the readers' own parsing is reached, not only the checksums.

A mutant passes when its parse ends with a status (ok / partial / failed) that is not an
internal error, and the result serializes to JSON. The summary gives statuses by format,
the slowest parses and every internal error with the mutation that made it; ``--keep DIR``
writes those mutants out to reproduce. Mutant ``n`` of seed ``s`` is the same bytes on
every machine: tests/test_fuzz.py runs a few hundred of them in CI.
"""

from __future__ import annotations

import argparse
import io
import random
import sys
import time
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import olefile

from pledgecard.models import FileResult
from pledgecard.pipeline import parse_bytes

ROOT = Path(__file__).resolve().parent.parent
FORMATS = (".txt", ".hwp", ".hwpx", ".pdf")
EDGE_BYTES = (0x00, 0x01, 0x7F, 0x80, 0xFE, 0xFF)


def seed_files(root: Path = ROOT) -> list[Path]:
    """Every sample card and every test file of a known format, in a fixed order."""
    found = [*root.glob("samples*/*/*"), *(root / "tests" / "data").rglob("*")]
    return sorted((p for p in found if p.suffix in FORMATS and p.is_file()), key=lambda p: p.as_posix())


# ----------------------------------------------------------------------------- byte mutators

def flip_bits(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    copy = bytearray(data)
    for _ in range(rng.choice((1, 2, 4, 8, 32))):
        copy[rng.randrange(len(copy))] ^= 1 << rng.randrange(8)
    return bytes(copy)


def edge_bytes(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    copy = bytearray(data)
    for _ in range(rng.choice((1, 2, 4, 8))):
        copy[rng.randrange(len(copy))] = rng.choice(EDGE_BYTES)
    return bytes(copy)


def truncate(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    return data[: rng.randrange(len(data))]


def splice(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    """A run of the donor's bytes written over (or into) the data at a random place."""
    at = rng.randrange(len(data))
    start = rng.randrange(len(donor))
    piece = donor[start: start + rng.choice((4, 16, 64, 512, 4096))]
    end = at + (len(piece) if rng.random() < 0.5 else 0)
    return data[:at] + piece + data[end:]


def delete_run(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    at = rng.randrange(len(data))
    return data[:at] + data[at + rng.choice((1, 2, 7, 64, 1024)):]


def repeat_run(data: bytes, rng: random.Random, donor: bytes) -> bytes:
    at = rng.randrange(len(data))
    run = data[at: at + rng.choice((1, 2, 16, 256))]
    return data[:at] + run * rng.choice((2, 3, 50)) + data[at:]


Mutator = Callable[[bytes, random.Random, bytes], bytes]
BYTE_MUTATORS: dict[str, Mutator] = {
    "flip": flip_bits, "edge": edge_bytes, "truncate": truncate, "splice": splice,
    "delete": delete_run, "repeat": repeat_run,
}
#: Mutators inside a container: they keep most of the part, so its format stays recognisable.
INNER_MUTATORS = ("flip", "edge", "splice", "delete", "repeat")


# ----------------------------------------------------------------------------- container mutators

def mutate_zip_part(data: bytes, rng: random.Random, donor: bytes, how: str) -> bytes | None:
    """The package with one part (XML first) mutated and the zip rebuilt; None if not a readable zip."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as source:
            parts = [(info, source.read(info)) for info in source.infolist()]
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, zlib.error):
        return None
    xml = [n for n, (info, _) in enumerate(parts) if info.filename.endswith(".xml")]
    if not xml:
        return None
    index = rng.choice(xml)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for n, (info, body) in enumerate(parts):
            if n == index and body:
                body = BYTE_MUTATORS[how](body, rng, donor)
            target.writestr(info, body)
    return buffer.getvalue()


def mutate_ole_stream(data: bytes, rng: random.Random, donor: bytes, how: str) -> bytes | None:
    """The HWP with one stream (body text or DocInfo) inflated, mutated, deflated and written back
    in place; None when it is not an OLE file or the new stream does not fit the old one's size."""
    try:
        ole = olefile.OleFileIO(io.BytesIO(data))
        names = ["/".join(entry) for entry in ole.listdir()]
        ole.close()
    except (OSError, ValueError, IndexError, KeyError, EOFError):
        return None
    streams = sorted(n for n in names if n.startswith("BodyText/") or n == "DocInfo")
    if not streams:
        return None
    name = rng.choice(streams)
    buffer = io.BytesIO(data)
    try:
        ole = olefile.OleFileIO(buffer, write_mode=True)
        raw = ole.openstream(name).read()
        size = len(raw)
        try:
            plain, packed = zlib.decompressobj(-15).decompress(raw), True
        except zlib.error:
            plain, packed = raw, False
        if not plain:
            return None
        mutated = BYTE_MUTATORS[how](plain, rng, donor)
        if packed:
            compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
            mutated = compressor.compress(mutated) + compressor.flush()
        if len(mutated) > size:
            return None
        ole.write_stream(name, mutated + bytes(size - len(mutated)))
        ole.close()
    except (OSError, ValueError, IndexError, KeyError, EOFError):
        return None
    return buffer.getvalue()


# ----------------------------------------------------------------------------- mutants

@dataclass(frozen=True)
class Mutant:
    number: int
    seed_file: str
    how: str
    data: bytes

    @property
    def name(self) -> str:
        return f"{self.number:05}-{Path(self.seed_file).name}-{self.how}"


def mutant(number: int, seed: int, seeds: list[tuple[str, bytes]]) -> Mutant:
    """Mutant ``number`` of run ``seed``: the same bytes on every machine and Python version."""
    rng = random.Random(f"{seed}:{number}")
    name, data = seeds[number % len(seeds)]
    donor = seeds[rng.randrange(len(seeds))][1]
    how = rng.choice(sorted(BYTE_MUTATORS))
    if name.endswith((".hwpx", ".hwp")) and rng.random() < 0.6:
        inner = rng.choice(INNER_MUTATORS)
        container = mutate_zip_part if name.endswith(".hwpx") else mutate_ole_stream
        changed = container(data, rng, donor, inner)
        if changed is not None:
            return Mutant(number, name, f"part-{inner}", changed)
    return Mutant(number, name, how, BYTE_MUTATORS[how](data, rng, donor))


def mutants(count: int, seed: int = 0, root: Path = ROOT, start: int = 0) -> Iterator[Mutant]:
    seeds = [(p.relative_to(root).as_posix(), p.read_bytes()) for p in seed_files(root)]
    for number in range(start, start + count):
        yield mutant(number, seed, seeds)


# ----------------------------------------------------------------------------- checking

def problem(result: FileResult) -> str | None:
    """Why a mutant's result is a bug: an internal error, or a result that does not serialize."""
    if result.error_class == "internal":
        return result.reason or "internal error"
    try:
        result.model_dump_json()
    except Exception as exc:  # the contract: every result serializes
        return f"result does not serialize ({type(exc).__name__}: {exc})".splitlines()[0]
    return None


@dataclass
class Outcome:
    mutant: Mutant
    result: FileResult
    seconds: float
    problem: str | None


def run(count: int, seed: int = 0, root: Path = ROOT, start: int = 0) -> Iterator[Outcome]:
    for item in mutants(count, seed, root, start):
        began = time.perf_counter()
        result = parse_bytes(item.data, item.name)
        seconds = time.perf_counter() - began
        yield Outcome(item, result, seconds, problem(result))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=3000)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--start", type=int, default=0, help="first mutant number (to rerun one)")
    parser.add_argument("--keep", type=Path, help="write every mutant with a problem to this folder")
    args = parser.parse_args()
    began = time.perf_counter()
    statuses: Counter[tuple[str, str]] = Counter()
    hows: Counter[str] = Counter()
    slowest: list[tuple[float, str]] = []
    bad: list[Outcome] = []
    for outcome in run(args.count, args.seed, start=args.start):
        fmt = Path(outcome.mutant.seed_file).suffix.lstrip(".")
        statuses[(fmt, outcome.result.status)] += 1
        hows[outcome.mutant.how] += 1
        slowest = sorted([*slowest, (outcome.seconds, outcome.mutant.name)], reverse=True)[:5]
        if outcome.problem:
            bad.append(outcome)
            if args.keep:
                args.keep.mkdir(parents=True, exist_ok=True)
                (args.keep / outcome.mutant.name).write_bytes(outcome.mutant.data)
    print(f"{args.count} mutants (seed {args.seed}, from {args.start}) in {time.perf_counter() - began:.1f} s")
    for fmt in sorted({f for f, _ in statuses}):
        counts = ", ".join(f"{s} {n}" for (f, s), n in sorted(statuses.items()) if f == fmt)
        print(f"  {fmt:5} {counts}")
    print("  mutations: " + ", ".join(f"{h} {n}" for h, n in sorted(hows.items())))
    print("  slowest: " + ", ".join(f"{name} {s:.2f} s" for s, name in slowest))
    print(f"problems: {len(bad)}")
    for outcome in bad:
        print(f"  {outcome.mutant.name} (mutant {outcome.mutant.number}): {outcome.problem}"[:300])
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
