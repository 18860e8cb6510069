#!/usr/bin/env bash
# Regenerate the translation sources (.ts) from the code, then build the shipped .qm files.
#
# Each UI area owns resources/translations/<area>_<lang>.ts. Its source files are
# listed in resources/translations/<area>.sources (one path or glob per line,
# relative to the repository root, '#' for comments), so adding an area needs no
# change here. Translators edit the .ts files (Qt Linguist or any text editor);
# this script keeps their work and adds new strings as "unfinished".
#
#   packaging/translations.sh            update every .ts, then build every .qm
#   packaging/translations.sh --release  only build the .qm files (no source scan)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${PYSIDE_BIN:-.venv/bin}"
LUPDATE="$BIN/pyside6-lupdate"
LRELEASE="$BIN/pyside6-lrelease"
[ -x "$LUPDATE" ] || LUPDATE="$(command -v pyside6-lupdate)"
[ -x "$LRELEASE" ] || LRELEASE="$(command -v pyside6-lrelease)"
DIR=resources/translations
LANGS="${LANGS:-ar}"

if [ "${1:-}" != "--release" ]; then
  shopt -s nullglob
  for list in "$DIR"/*.sources; do
    area="$(basename "$list" .sources)"
    files=()
    while IFS= read -r line; do
      line="${line%%#*}"; line="$(echo "$line" | xargs)"
      [ -z "$line" ] && continue
      for f in $line; do [ -f "$f" ] && files+=("$f"); done
    done < "$list"
    if [ ${#files[@]} -eq 0 ]; then
      echo "$area: no source files found, skipped" >&2
      continue
    fi
    for lang in $LANGS; do
      "$LUPDATE" "${files[@]}" -locations none -no-obsolete -target-language "$lang" -ts "$DIR/${area}_${lang}.ts"
    done
  done
fi

for ts in "$DIR"/*_*.ts; do
  "$LRELEASE" -removeidentical "$ts" -qm "${ts%.ts}.qm"
done
