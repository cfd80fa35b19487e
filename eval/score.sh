#!/usr/bin/env bash
# Scores the extractor on a corpus laid out like ../shared/eval/dev (ARTICLES/*.txt with sidecars, GOLD/*.gold.json):
#   eval/score.sh [ARTICLES_DIR [GOLD_DIR]] [--slice PREFIX] [--errors FILE]
# Defaults to the development corpus. Builds the CLI once, extracts every article in one process, prints the scorer's line.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
shared=$root/../shared/eval
articles=$shared/dev/articles gold=$shared/dev/gold slice="" errors=""
positional=()
while [ $# -gt 0 ]; do
    case "$1" in
        --slice) slice=$2; shift 2 ;;
        --errors) errors=$2; shift 2 ;;
        *) positional+=("$1"); shift ;;
    esac
done
[ ${#positional[@]} -ge 1 ] && articles=${positional[0]}
[ ${#positional[@]} -ge 2 ] && gold=${positional[1]}
[ -d "$articles" ] || { echo "eval/score.sh: $articles: no such folder of articles." >&2; exit 2; }
[ -d "$gold" ] || { echo "eval/score.sh: $gold: no such folder of gold timelines." >&2; exit 2; }
articles=$(cd "$articles" && pwd) gold=$(cd "$gold" && pwd)   # the links below must not depend on the working folder

work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
mkdir -p "$work/articles" "$work/gold" "$work/pred"
for f in "$articles"/${slice}*.txt; do
    [ -e "$f" ] || continue
    ln -s "$f" "$work/articles/"
    [ -f "${f%.txt}.meta.json" ] && ln -s "${f%.txt}.meta.json" "$work/articles/"
    name=$(basename "$f" .txt)
    for g in "$gold/$name".gold.json "$gold/$name".expect.json; do [ -f "$g" ] && ln -s "$g" "$work/gold/"; done
done
dotnet build "$root/src/KoreaTimeline.Cli" -c Release -v q -nologo -clp:NoSummary >&2 || { echo "eval/score.sh: the build failed; see the errors above." >&2; exit 1; }
dotnet "$root/src/KoreaTimeline.Cli/bin/Release/net10.0/koreatimeline.dll" extract "$work/articles" --out "$work/pred"
python3 "$shared/score_events.py" "$work/articles" "$work/gold" "$work/pred" ${errors:+--errors "$errors"}
