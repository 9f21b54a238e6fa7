"""Tokenizes notes with the shipped TextMate grammar (Oniguruma, as in VS Code) and checks
expected scopes. Usage: python3 tm_tokenize.py GRAMMAR EXPECTATIONS.json NOTE...
EXPECTATIONS maps a token text to a scope that must be among its scopes."""
import atexit, json, logging, os, shutil, sys, tempfile

paths = [os.path.abspath(p) for p in sys.argv[1:]]
scratch = tempfile.mkdtemp(prefix="pnote-textmate-")
atexit.register(shutil.rmtree, scratch, True)
os.chdir(scratch)  # the library writes a cache in the current folder
logging.getLogger("textmate_grammar").setLevel(logging.ERROR)
from textmate_grammar.parsers.base import LanguageParser

grammar = json.load(open(paths[0]))
expectations = json.load(open(paths[1]))
parser = LanguageParser(grammar)
failures = 0
seen = {}
for path in paths[2:]:
    element = parser.parse_string(open(path, encoding="utf-8").read())
    if element is None:
        print(f"FAIL {path}: no parse"); failures += 1; continue
    tokens = element.flatten()
    if not tokens:
        print(f"FAIL {path}: no tokens"); failures += 1
    for (_, text, scopes) in tokens:
        seen.setdefault(text.strip(), set()).update(scopes)
for text, scope in expectations.items():
    if scope not in seen.get(text, set()):
        print(f"FAIL '{text}' lacks {scope}: {sorted(seen.get(text, []))}"); failures += 1
print(f"{'ok' if failures == 0 else 'failed'}: {len(expectations)} expectations, {len(seen)} distinct tokens")
sys.exit(1 if failures else 0)
