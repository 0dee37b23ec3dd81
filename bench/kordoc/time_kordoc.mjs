// Times kordoc's parse() in-process, so that Node's start-up and module loading are never counted.
//
//   node time_kordoc.mjs --repeat 5 [--warmup 5] FILE...   one JSON object: every file's timings
//   node time_kordoc.mjs --serve              line protocol for bench/bench_formats.py:
//       in:  {"path": "/abs/file.hwp", "warmup": 0}   (one per line; "warmup" untimed calls first)
//       out: @@kordoc {"ok": true, "seconds": 0.0123, "chars": 4567}   or {"ok": false, "error": "..."}
//   The first line out is @@kordoc {"ready": true, "kordoc": VERSION, "node": "v20..."}.
//
// Each file is read once and kept; every timed call gets a fresh copy of its bytes (made before the
// clock starts), since a parser may detach the ArrayBuffer it is given. No gc() is forced between
// calls: V8 manages its own heap, and a forced full GC before each call made the next call slower
// (up to 8x on HWPX in our tries), which would misstate kordoc's steady-state speed.
import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";
import { createInterface } from "node:readline";
import { parse, VERSION } from "kordoc";

const PREFIX = "@@kordoc ";
const files = new Map();

function bytesOf(path) {
  let bytes = files.get(path);
  if (bytes === undefined) {
    bytes = readFileSync(path);
    files.set(path, bytes);
  }
  return bytes;
}

async function timeOnce(path) {
  let bytes;
  try {
    bytes = bytesOf(path);
  } catch (error) {
    return { ok: false, error: `cannot read: ${error.message}` };
  }
  const input = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  const start = performance.now();
  let result;
  try {
    result = await parse(input);
  } catch (error) {
    return { ok: false, error: `threw ${error?.name ?? "error"}: ${error?.message ?? error}` };
  }
  const seconds = (performance.now() - start) / 1000;
  if (!result.success) {
    return { ok: false, seconds, error: `${result.code ?? "error"}: ${result.error}` };
  }
  return { ok: true, seconds, chars: result.markdown.length };
}

async function serve() {
  // kordoc may log; keep stdout for the protocol.
  console.log = console.info = console.warn = console.debug = (...args) => console.error(...args);
  const say = (object) => process.stdout.write(PREFIX + JSON.stringify(object) + "\n");
  say({ ready: true, kordoc: VERSION, node: process.version });
  const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
  for await (const line of lines) {
    if (!line.trim()) continue;
    let request;
    try {
      request = JSON.parse(line);
    } catch (error) {
      say({ ok: false, error: `bad request: ${error.message}` });
      continue;
    }
    for (let i = 0; i < (request.warmup ?? 0); i++) await timeOnce(request.path);
    say(await timeOnce(request.path));
  }
}

async function batch(argv) {
  let repeat = 5;
  let warmup = 5;
  const paths = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === "--repeat") repeat = Math.max(1, Number(argv[++i]));
    else if (argv[i] === "--warmup") warmup = Math.max(1, Number(argv[++i]));
    else paths.push(argv[i]);
  }
  const out = { kordoc: VERSION, node: process.version, repeat, warmup, files: [] };
  for (const path of paths) {
    let warm = await timeOnce(path);
    for (let i = 1; warm.ok && i < warmup; i++) warm = await timeOnce(path);
    const entry = { path, ok: warm.ok, error: warm.error, runs_s: [] };
    for (let i = 0; warm.ok && i < repeat; i++) {
      const run = await timeOnce(path);
      if (!run.ok) {
        entry.ok = false;
        entry.error = run.error;
        break;
      }
      entry.runs_s.push(run.seconds);
    }
    const sorted = [...entry.runs_s].sort((a, b) => a - b);
    entry.median_s = sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : null;
    out.files.push(entry);
  }
  process.stdout.write(JSON.stringify(out, null, 2) + "\n");
}

const argv = process.argv.slice(2);
if (argv.includes("--serve")) await serve();
else await batch(argv);
