#!/usr/bin/env bash
# The GitHub Action's one step (action.yml passes its inputs as IISM_* variables). Runs on Linux and Windows runners
# (Git Bash) with the .NET 10 SDK on PATH:
#   1. installs iis-module-validator into a folder of the job: from IISM_PACKAGE_SOURCE, else packed from this source;
#   2. with C++ inputs (IISM_SETUP auto): on Linux installs a libclang when none is there, then runs `setup`;
#   3. runs one `check` that prints IISM_FORMAT lines (annotations), writes IISM_SARIF and exits with check's code.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
work="${RUNNER_TEMP:-${TMPDIR:-/tmp}}/iis-module-validator-action"
tools="$work/tools"
mkdir -p "$work"

# 1. The tool.
source_feed="${IISM_PACKAGE_SOURCE:-}"
if [ -z "$source_feed" ]; then
  source_feed="$work/packages"
  echo "::group::Packing iis-module-validator from $here"
  dotnet pack "$here/src/Cli" -c Release -o "$source_feed" -nologo
  echo "::endgroup::"
fi
version_args=()
[ -z "${IISM_VERSION:-}" ] || version_args=(--version "$IISM_VERSION")
dotnet tool update iis-module-validator --tool-path "$tools" --add-source "$source_feed" "${version_args[@]}" >/dev/null
tool="$tools/iis-module-validator"
[ -x "$tool" ] || tool="$tools/iis-module-validator.exe"

# The paths and options as check's arguments: split at spaces outside quotes, quotes removed, nothing run or expanded
# (xargs does just that; the tool expands the globs itself).
words() { [ -z "$1" ] || printf '%s' "$1" | xargs printf '%s\0'; }
declare -a paths=() args=()
mapfile -d '' paths < <(words "${IISM_PATHS:-}")
mapfile -d '' args < <(words "${IISM_ARGS:-}")

# 2. C++ needs libclang and the Windows SDK headers: only when something to check is C++.
has_cpp() {
  local path
  for path in "${paths[@]:-.}"; do
    path="${path%%\**}"; path="${path:-.}"
    if [ -d "$path" ]; then
      find "$path" -maxdepth 6 -type f \( -iname '*.vcxproj' -o -iname '*.vcproj' -o -iname '*.cpp' -o -iname '*.cc' -o -iname 'CMakeLists.txt' -o -iname 'compile_commands.json' \) -print -quit | grep -q . && return 0
    else
      case "${path,,}" in *.vcxproj|*.vcproj|*.sln|*.slnx|*.cpp|*.cc|*.cxx|*.c|*cmakelists.txt|*compile_commands.json) return 0 ;; esac
    fi
  done
  return 1
}
setup="${IISM_SETUP:-auto}"
if [ "$setup" = true ] || { [ "$setup" = auto ] && has_cpp; }; then
  if [ "$(uname -s)" = Linux ] && ! ldconfig -p 2>/dev/null | grep -q 'libclang-[0-9.]*\.so\.[0-9]'; then
    sudo=""
    [ "$(id -u)" = 0 ] || sudo="sudo"
    $sudo apt-get update -qq
    for version in 19 18 20 21 22 17 16 15 14; do
      if apt-cache show "libclang1-$version" >/dev/null 2>&1; then
        DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends \
          "libclang1-$version" "libclang-common-$version-dev" "libc++-$version-dev" >/dev/null
        break
      fi
    done
  fi
  "$tool" setup
fi

# 3. One run: annotations in the log, SARIF for code scanning, and the exit code that gates the job.
sarif="${IISM_SARIF:-iis-module-validator.sarif}"
set +e
"$tool" check "${paths[@]}" --format "${IISM_FORMAT:-github}" --sarif-output "$sarif" "${args[@]}"
code=$?
set -e
if [ -n "${GITHUB_OUTPUT:-}" ]; then
  { echo "sarif=$sarif"; echo "exit-code=$code"; } >> "$GITHUB_OUTPUT"
fi
exit "$code"
