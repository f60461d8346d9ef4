"""Times TextFSM (CPU time, like the parser's figure) on a slice of the generated table; prints one JSON line {lines, records, seconds}."""
import json
import sys
import time

import textfsm

template, data = sys.argv[1], sys.argv[2]
with open(data, encoding="utf-8") as f:
    text = f.read()
with open(template, encoding="utf-8") as t:
    fsm = textfsm.TextFSM(t)
start = time.process_time()
rows = fsm.ParseText(text)
elapsed = time.process_time() - start
print(json.dumps({"lines": text.count("\n"), "records": len(rows), "seconds": elapsed}))
