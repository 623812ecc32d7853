#!/usr/bin/env bash
# The packages' public API, listed in PublicAPI.Shipped.txt / PublicAPI.Unshipped.txt beside each project and
# checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build (RS0016: public but not listed;
# RS0017: listed but gone; both errors under TreatWarningsAsErrors).
#
#   eng/public-api.sh          rewrite PublicAPI.Unshipped.txt from the code: every public symbol not in
#                              PublicAPI.Shipped.txt (new API appears, removed unshipped API disappears)
#   eng/public-api.sh --ship   then move it all into PublicAPI.Shipped.txt, at a release
#
# The entries come from the analyzers' own RS0016 code fix, applied by `dotnet format`; the files are then
# sorted (ordinal) so that diffs stay small. API removed after it shipped is left to a person: the build
# keeps failing with RS0017 until its line is deleted from PublicAPI.Shipped.txt (a breaking change).
set -euo pipefail
cd "$(dirname "$0")/.."

ship=false
[ "${1:-}" = "--ship" ] && ship=true
header='#nullable enable'

sorted() { # file: header first, then the entries in ordinal order, without duplicates
  { echo "$header"; grep -vxF "$header" "$1" | grep -v '^$' | LC_ALL=C sort -u || true; } > "$1.tmp"
  mv "$1.tmp" "$1"
}

for project in Stytch.Fake Stytch.Fake.NUnit; do
  shipped="$project/PublicAPI.Shipped.txt"
  unshipped="$project/PublicAPI.Unshipped.txt"
  [ -f "$shipped" ] || echo "$header" > "$shipped"
  echo "$header" > "$unshipped"
  dotnet format analyzers "$project/$project.csproj" --diagnostics RS0016 --severity warn
  sorted "$unshipped"
  if $ship; then
    grep -vxF "$header" "$unshipped" >> "$shipped" || true
    echo "$header" > "$unshipped"
  fi
  sorted "$shipped"
  echo "$project: $(($(wc -l < "$shipped") - 1)) shipped, $(($(wc -l < "$unshipped") - 1)) unshipped"
done
