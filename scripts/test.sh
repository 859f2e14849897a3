#!/usr/bin/env bash
# The test command: restores, builds, checks the workflow definitions and runs every test project.
# Works on a fresh machine with the .NET SDK; installs what the tests need itself.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

dotnet tool restore >/dev/null
dotnet build Workflow.sln -c Release --nologo -clp:ErrorsOnly

if [ -d workflows ] && ls workflows/*.workflow.json >/dev/null 2>&1; then
  dotnet run --project src/Workflow.Api -c Release --no-build -- validate-workflows "$PWD/workflows"
fi

log=$(mktemp)
status=0
dotnet test Workflow.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?

# one closing line over all test projects, in the form CI reads
passed=$(grep -aoE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -aoE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -aoE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
