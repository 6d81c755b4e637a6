#!/usr/bin/env bash
# Formats and auto-fixes the whole repository once: Prettier writes every file it owns (.prettierignore says which),
# then ESLint applies its fixes (import order, `const`, ...). Run it on a clean tree, check, and commit the result
# alone, so the formatting stays one commit that `git blame --ignore-rev` can skip:
#
#   bash scripts/format-all.sh
#   (cd server && npx tsc -p tsconfig.check.json) && (cd admin && npx tsc -p tsconfig.json)
#   npm run lint && npm run format:check
#   git commit -am "Format everything with Prettier and sort imports with ESLint, no other change"
#
# What ESLint cannot fix is listed at the end by rule; those need a hand (or a commented disable) before `npm run lint`
# passes.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -n "$(git status --porcelain --untracked-files=no)" ] && [ "${1:-}" != "--dirty" ]; then
  echo "The working tree has changes; commit or stash them first (or pass --dirty)." >&2
  exit 1
fi

npx prettier --write --log-level warn .
# Import sorting moves whole statements and keeps their text, so Prettier's layout survives; --cache is not used
# here, so every file is fixed whatever an earlier run remembered.
npx eslint --fix . > /dev/null || true
# ESLint's fixes can leave a line Prettier would lay out differently; a second pass settles it (usually a no-op).
npx prettier --write --log-level warn .

echo
echo "Files changed: $(git diff --name-only | wc -l)"
echo "What ESLint could not fix, by rule:"
npx eslint . -f json | node -e '
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => {
    const counts = {};
    for (const file of JSON.parse(text)) for (const m of file.messages) counts[m.ruleId ?? "parse error"] = (counts[m.ruleId ?? "parse error"] ?? 0) + 1;
    const rows = Object.entries(counts).sort((a, b) => b[1] - a[1]);
    if (rows.length === 0) console.log("  nothing: npm run lint passes");
    for (const [rule, count] of rows) console.log(`  ${String(count).padStart(5)}  ${rule}`);
  });
'
