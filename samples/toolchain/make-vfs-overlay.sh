#!/usr/bin/env bash
# Prints a clang VFS overlay (JSON) that makes every file under the given include folders
# resolvable case-insensitively: '#include <windows.h>' finds 'Windows.h'.
#   bash make-vfs-overlay.sh DIR...
set -euo pipefail
printf '{\n  "version": 0,\n  "case-sensitive": "false",\n  "roots": [\n'
first=1
for root in "$@"; do
  while IFS= read -r dir; do
    [ "$first" = 1 ] || printf ',\n'
    first=0
    printf '    {"name": "%s", "type": "directory", "contents": [' "$dir"
    find "$dir" -maxdepth 1 -type f -printf '%f\n' | LC_ALL=C sort |
      awk -v d="$dir" '{ printf "%s\n      {\"name\": \"%s\", \"type\": \"file\", \"external-contents\": \"%s/%s\"}", (NR > 1 ? "," : ""), $0, d, $0 }'
    printf ']}'
  done < <(find "$root" -type d | LC_ALL=C sort)
done
printf '\n  ]\n}\n'
