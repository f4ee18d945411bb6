#!/usr/bin/env python3
"""Dev helper: lint only some path items of the spec (while the rest is being written).
Usage: python3 scripts/lint-paths.py /api/users /api/users/search ..."""
import subprocess, sys, re, os
root = os.path.join(os.path.dirname(__file__), '..', 'spec')
s = open(os.path.join(root, 'openapi.yaml')).read()
head, rest = s.split('paths:\n', 1)
paths, comp = rest.split('components:\n', 1)
keep = []
lines = paths.splitlines()
for i in range(0, len(lines), 2):
    key = lines[i].strip().rstrip(':')
    if key in sys.argv[1:]:
        keep += lines[i:i+2]
tmp = os.path.join(root, f'_lint_{os.getpid()}.yaml')
open(tmp, 'w').write(head + 'paths:\n' + '\n'.join(keep) + '\ncomponents:\n' + comp)
try:
    r = subprocess.run(['npx', 'redocly', 'lint', tmp], capture_output=True, text=True, cwd=os.path.join(root, '..'))
    out = '\n'.join(l for l in (r.stdout + r.stderr).splitlines() if not re.search('[║╔╚]', l))
    print(out)
    sys.exit(r.returncode)
finally:
    os.remove(tmp)
