"""Highlights notes with Kate's highlighter and the shipped KSyntaxHighlighting definition,
and checks that expected words get the expected attributes.
Usage: python3 kate_check.py DEFINITION.xml NOTE..."""
import atexit, os, re, shutil, subprocess, sys, tempfile

definition, notes = sys.argv[1], sys.argv[2:]
home = tempfile.mkdtemp(prefix="pnote-kate-")
atexit.register(shutil.rmtree, home, True)
target = os.path.join(home, "org.kde.syntax-highlighting", "syntax")
os.makedirs(target)
shutil.copy(definition, target)
env = dict(os.environ, XDG_DATA_HOME=home)
listing = subprocess.run(["kate-syntax-highlighter", "-l"], env=env, capture_output=True, text=True).stdout
if "pnote" not in listing.split():
    print("FAIL the definition was not loaded"); sys.exit(1)

# (line starts with, word in it, attribute that must be under the word)
expected = [
    ("---", "---", "Front Matter Delimiter"), ("titel:", "titel", "Front Matter Key"),
    ("## Maatregel:", "Maatregel", "Block Keyword"), ("## Maatregel:", "{#poh-jeugd}", "Id"),
    ("- niveau:", "niveau", "Field Key"), ("- niveau:", "selectief", "Level"),
    ("- doelgroep:", "#adhd", "Reference"), ("- budget:", "€ 250.000", "Money"), ("- budget:", "2020", "Year"),
    ("<!-- pnote-disable", "pnote-disable", "Suppression"), ("## Maatregel: in een codeblok", "Maatregel", "Code"),
]
failures = 0
for note in notes:
    out = subprocess.run(["kate-syntax-highlighter", "-f", "ansi", "-b", "--syntax-trace", "format", "-s", "pnote", note],
                         env=env, capture_output=True, text=True).stdout
    lines = re.sub(r"\x1b\[[0-9;]*[mK]", "", out).split("\n")
    source = open(note, encoding="utf-8").read().split("\n")
    # The trace prints each source line followed by marker lines with attribute names
    # starting at the column where each attribute starts.
    for prefix, word, attribute in expected:
        found = False
        for i, text in enumerate(lines):
            if not text.startswith(prefix) or text not in source or word not in text:
                continue
            column = text.index(word)
            # The trace lines after a source line put each attribute's name at the column
            # where its region starts; the attribute at the word is the last one starting
            # at or before the word's column. Names are capitalised words ("Block Keyword").
            labels = []
            for t in lines[i + 1:]:
                if t in source and t.strip() and not set(t) <= set("| "):
                    break
                labels += [(m.start(), m.group(0)) for m in re.finditer(r"[A-Z][a-z]+(?: [A-Z][a-z]+)*", t)]
            before = [l for l in labels if l[0] <= column]
            if before and max(before)[1] == attribute:
                found = True
            if found:
                break
        if note.endswith("fixture.pnote") and not found:
            print(f"FAIL {note}: '{word}' in a line starting '{prefix}' is not {attribute}")
            failures += 1
    if not any("Block Keyword" in l for l in lines):
        print(f"FAIL {note}: no block keyword highlighted"); failures += 1
print(("ok" if failures == 0 else "failed") + f": {len(expected)} expectations on {len(notes)} notes")
sys.exit(1 if failures else 0)
