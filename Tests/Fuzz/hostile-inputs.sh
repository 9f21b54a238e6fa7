#!/usr/bin/env bash
# Feeds the release pnote hostile inputs; each must end with status 0 or 1 (no crash, no
# hang) within its time limit. Prints seconds and peak memory. Usage: hostile-inputs.sh PNOTE
# (`copies.pnote` is a folder: pnote checks the notes inside it.)
set -euo pipefail
pnote="$1"
dir=$(mktemp -d)
python3 - "$dir" <<'PY'
import os, random, sys
d = sys.argv[1]
random.seed(7)
open(f"{d}/empty.pnote", "wb").write(b"")
open(f"{d}/bom.pnote", "wb").write(b"\xef\xbb\xbf")
open(f"{d}/invalid-utf8.pnote", "wb").write(b"## Doel: \xff\xfe\xc3\n- bron: \x80\x80\n" * 1000)
open(f"{d}/binary.pnote", "wb").write(bytes(random.getrandbits(8) for _ in range(2_000_000)))
open(f"{d}/long-line.pnote", "wb").write(b"## Doel: X\n" + b"a" * 10_000_000 + b"\n")
open(f"{d}/million-headings.pnote", "wb").write(b"## Doel: D\n" * 1_000_000)
# Numbers too large for 64 bits (the fuzzer found the first; it trapped the process).
open(f"{d}/huge-numbers.pnote", "wb").write(
    b"# Domein: Jeugd\n## Begroting: B\n- totaal: \xe2\x82\xac " + b"9" * 400 + b" per jaar\n"
    + b"## Maatregel: M\n- budget: \xe2\x82\xac 99999999999999999999999 per jaar\n- besparing: \xe2\x82\xac 1 miljard miljard\n"
    + b"## Doel: D\n### Indicator: I\n- nulmeting: " + b"9" * 400 + b" per " + b"9" * 40 + b" inwoners (2022)\n"
    + b"- streefwaarde: 1 per 100000000000000000000000 (2027)\n")
open(f"{d}/deep.pnote", "wb").write(b"".join(b"#" * (i % 6 + 1) + b" Maatregel: M%d\n- doel: #m%d\n" % (i, i + 1) for i in range(10_000)))
# 200,000 references on one 800 kB line: 200,000 findings whose columns were each
# counted from the line's start, and whose text output showed the whole line each time.
open(f"{d}/many-refs-one-line.pnote", "wb").write(b"## Maatregel: M {#m}\n- doelgroep: " + b"#a, " * 200_000 + b"\n")
# 100,000 suppression comments, each before a goal: every comment was tried on every finding.
open(f"{d}/many-suppressions.pnote", "wb").write(b"".join(b"<!-- pnote-disable PN10%d -->\n## Doel: D%d\n" % (i % 9, i) for i in range(100_000)))
# 80,000 safe fixes (universeel → primair under the stage classification), shown as a
# diff: each fix was checked against every other and the diff was Myers over 160,000
# changed lines (out of memory).
open(f"{d}/many-fixes.pnote", "wb").write(b"---\nindeling: stadium\n---\n" + b"".join(b"## Maatregel: M%d\n- niveau: universeel\n" % i for i in range(80_000)))
example = open("Examples/hengelo-preventie-2019.pnote", "rb").read()
with open(f"{d}/fifty-mb.pnote", "wb") as f:
    i = 0
    while f.tell() < 50_000_000:
        f.write(example.replace(b"{#", b"{#n%d-" % i)); i += 1
# A folder of 1,000 copies of one note of one municipality: every target group and
# measure shares its name with 999 others (the cross-note rules PN108 and PN210).
os.mkdir(f"{d}/copies.pnote")
for i in range(1000):
    open(f"{d}/copies.pnote/copy-{i}.pnote", "wb").write(example)
PY
status=0
for run in empty bom invalid-utf8 binary long-line huge-numbers million-headings deep many-refs-one-line many-refs-one-line:text many-suppressions many-fixes:diff fifty-mb copies; do
  f=${run%%:*}
  options=(--format json)
  [[ "$run" == *:text ]] && options=(--format text)
  [[ "$run" == *:diff ]] && options=(--fix --diff)
  set +e
  /usr/bin/time -f "%e %M" -o "$dir/usage" timeout 300 "$pnote" check "${options[@]}" "$dir/$f.pnote" > /dev/null 2> "$dir/err"
  code=$?
  set -e
  read -r seconds kb < <(tail -1 "$dir/usage")
  printf '%-24s exit %s  %6s s  %6d MB peak\n' "$run" "$code" "$seconds" "$((kb / 1024))"
  if [ "$code" -gt 1 ]; then echo "  FAILED: $(head -c 300 "$dir/err")"; status=1; fi
done
rm -rf "$dir"
exit $status
