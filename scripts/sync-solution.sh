#!/usr/bin/env bash
# Rewrites CartStream.slnx from the projects on disk: every src/*, tests/* and benchmarks/* project, sorted.
# Run it after adding a project (or after a merge touched the solution file).
set -euo pipefail
cd "$(dirname "$0")/.."
{
  echo '<Solution>'
  for folder in src tests benchmarks; do
    echo "  <Folder Name=\"/$folder/\">"
    for project in $(ls "$folder"/*/*.csproj 2>/dev/null | sort); do
      echo "    <Project Path=\"$project\" />"
    done
    echo '  </Folder>'
  done
  echo '</Solution>'
} > CartStream.slnx
