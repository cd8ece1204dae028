#!/usr/bin/env python3
"""Writes testdata/corpus.sha256: for every accepted file of the shared corpus,
the SHA-256 of its value in a canonical text form, as Python's tomllib (a
TOML 1.0.0 parser) reads it. corpus_test.go computes the same form from our
tree, so a disagreement with tomllib on any value fails the test without
Python being needed at test time.

Canonical form (keys sorted by code point; strings length-prefixed):
  table  {<key><value>...}   key = s<len>:<utf-8 bytes>
  array  [<value>,...]
  string s<len>:<bytes>      integer i<decimal>     bool btrue / bfalse
  float  f<IEEE-754 bits as decimal>, or fnan for any NaN
  offset date-time  d<YYYY-MM-DDTHH:MM:SS.uuuuuu><offset minutes, signed>
  local date-time   l<YYYY-MM-DDTHH:MM:SS.uuuuuu>
  local date        D<YYYY-MM-DD>        local time  T<HH:MM:SS.uuuuuu>
Fractions are cut to microseconds, Python's precision.

Run from the repository root:  python3 testdata/corpus_canon.py ../shared/corpus/real
"""
import datetime, hashlib, math, os, struct, sys, tomllib

def canon(v, out):
    if isinstance(v, dict):
        out.append("{")
        for k in sorted(v):
            b = k.encode()
            out.append(f"s{len(b)}:"); out.append(k)
            canon(v[k], out)
        out.append("}")
    elif isinstance(v, list):
        out.append("[")
        for i, e in enumerate(v):
            if i: out.append(",")
            canon(e, out)
        out.append("]")
    elif isinstance(v, bool):
        out.append("btrue" if v else "bfalse")
    elif isinstance(v, int):
        out.append(f"i{v}")
    elif isinstance(v, float):
        out.append("fnan" if math.isnan(v) else "f%d" % struct.unpack("<Q", struct.pack("<d", v))[0])
    elif isinstance(v, str):
        out.append(f"s{len(v.encode())}:"); out.append(v)
    elif isinstance(v, datetime.datetime):
        s = "%04d-%02d-%02dT%02d:%02d:%02d.%06d" % (v.year, v.month, v.day, v.hour, v.minute, v.second, v.microsecond)
        if v.tzinfo is None:
            out.append("l" + s)
        else:
            out.append("d" + s + "%d" % (v.utcoffset().total_seconds() // 60))
    elif isinstance(v, datetime.date):
        out.append("D%04d-%02d-%02d" % (v.year, v.month, v.day))
    elif isinstance(v, datetime.time):
        out.append("T%02d:%02d:%02d.%06d" % (v.hour, v.minute, v.second, v.microsecond))
    else:
        raise TypeError(type(v))

root = sys.argv[1]
lines = []
for dirpath, dirs, files in os.walk(root):
    dirs.sort()
    if os.path.basename(dirpath) == "_rejected":
        continue
    for f in sorted(files):
        if not f.endswith(".toml"):
            continue
        path = os.path.join(dirpath, f)
        with open(path, "rb") as fh:
            data = tomllib.loads(fh.read().decode("utf-8"))
        out = []
        canon(data, out)
        digest = hashlib.sha256("".join(out).encode()).hexdigest()
        lines.append(f"{digest}  {os.path.relpath(path, root)}")
with open("testdata/corpus.sha256", "w") as fh:
    fh.write("\n".join(sorted(lines, key=lambda l: l.split("  ")[1])) + "\n")
print(len(lines), "files")
