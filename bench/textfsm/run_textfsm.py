"""Times TextFSM (CPU time, like the parser's figure) on a slice of the generated table, best of N runs
(argv[3], default 1) as the parser's figure is; prints one JSON line {lines, records, seconds}."""
import json
import sys
import time

import textfsm

template, data = sys.argv[1], sys.argv[2]
runs = int(sys.argv[3]) if len(sys.argv) > 3 else 1
with open(data, encoding="utf-8") as f:
    text = f.read()
best = float("inf")
rows = []
for _ in range(runs):
    with open(template, encoding="utf-8") as t:
        fsm = textfsm.TextFSM(t)
    start = time.process_time()
    rows = fsm.ParseText(text)
    best = min(best, time.process_time() - start)
print(json.dumps({"lines": text.count("\n"), "records": len(rows), "seconds": best}))
