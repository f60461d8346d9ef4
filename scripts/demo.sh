#!/usr/bin/env bash
# The main job, from a fresh clone: install, build, lint the examples, analyse the CANTV leak of 2026-01-02,
# write an HTML and an SVG report, and package the extension.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
node scripts/build.mjs
cli=(node dist/cli.js)
out=demo-out
mkdir -p "$out"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "Lint the example IRR objects and ASPA declarations (routelens lint examples/)"
"${cli[@]}" lint examples/ || true

path='24482 52320 8048 8048 8048 8048 8048 8048 8048 8048 8048 6762 1299 269832 21980'
if [ -f examples/cantv/aspa.aspa ] && "${cli[@]}" --help | grep -q '^  aspa'; then
  step "ASPA verdict for the observed path, as AS24482 received it from AS52320's side (routelens aspa verify)"
  "${cli[@]}" aspa verify --aspa examples/cantv/aspa.aspa --direction upstream --neighbor 24482 --path "$path" || true
fi

if [ -f examples/cantv/cantv.lg ] && "${cli[@]}" --help | grep -q '^  paths'; then
  aspa=()
  [ -f examples/cantv/aspa.aspa ] && aspa=(--aspa examples/cantv/aspa.aspa)
  [ -f examples/cantv/cantv.as-rel2.txt ] && aspa+=(--relationships examples/cantv/cantv.as-rel2.txt)
  step "Parse and analyse the looking-glass paste (routelens paths)"
  "${cli[@]}" paths "${aspa[@]}" examples/cantv/cantv.lg || true
  for fmt in html svg; do
    if "${cli[@]}" paths --format "$fmt" "${aspa[@]}" examples/cantv/cantv.lg >"$out/cantv.$fmt" 2>/dev/null; then
      echo "wrote $out/cantv.$fmt"
    else
      rm -f "$out/cantv.$fmt"
    fi
  done
fi

step "Package the extension"
npm run --silent package >/dev/null && echo "wrote dist/routelens.vsix"

cat <<'MSG'

Open the reports in demo-out/ in a browser. To use the extension in VS Code:
  code --install-extension dist/routelens.vsix
then open examples/ as a folder: diagnostics appear in the Problems panel, and
"RouteLens: Analyze AS Paths" (command palette, or right-click examples/cantv/cantv.lg) opens the path panel.
To develop: open this folder in VS Code and press F5 (Run Extension).
MSG
