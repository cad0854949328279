#!/bin/sh
# Pre-commit check of the staged files: formatted (prettier) and lint-clean (eslint, zero
# warnings), the same gate as `npm test` but on what this commit changes only. Installed by
# `npm install` (the `prepare` script sets `core.hooksPath` to .githooks). Skip once with
# `git commit --no-verify`.
set -e
files=$(git diff --cached --name-only --diff-filter=ACMR)
[ -z "$files" ] && exit 0
# Prettier skips what .prettierignore names and files it has no parser for.
echo "$files" | xargs npx prettier --check --ignore-unknown
lintable=$(echo "$files" | grep -E '\.(ts|tsx|js|mjs|cjs)$' || true)
[ -z "$lintable" ] || echo "$lintable" | xargs npx eslint --max-warnings 0 --no-warn-ignored
