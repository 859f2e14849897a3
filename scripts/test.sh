#!/usr/bin/env bash
# The test command: restores, builds, checks the workflow definitions, starts a throw-away PostgreSQL cluster, SMTP
# server and RabbitMQ node (scripts/servers/), runs every test project, runs the API and cluster tests a second time on
# PostgreSQL, and lints the OpenAPI document.
# Works on a fresh machine with the .NET SDK; installs what the tests need itself.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# the browser tests drive Debian's Chromium; Playwright must never fetch a browser of its own
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

# Debian's chromium for tests/Workflow.Browser.Tests (and a font with Vietnamese glyphs for its screenshots)
need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test.sh: the browser tests need Debian's ${need[*]}; run as root, or: sudo apt-get install -y ${need[*]}" >&2
    exit 1
  fi
  echo "Installing ${need[*]} for the browser tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  [ -x /usr/bin/chromium ] || { echo "scripts/test.sh: apt-get did not install /usr/bin/chromium" >&2; exit 1; }
fi

# Spectral lints the OpenAPI document against spectral:oas (.spectral.yaml); installed with npm into the
# git-ignored .tools/spectral the first time, never globally
spectral_version=6.16.3
spectral=.tools/spectral/node_modules/.bin/spectral
if [ ! -x "$spectral" ] || [ "$("$spectral" --version 2>/dev/null)" != "$spectral_version" ]; then
  command -v npm >/dev/null || { echo "scripts/test.sh: the OpenAPI lint needs npm (Node.js 18 or later) to install Spectral" >&2; exit 1; }
  echo "Installing @stoplight/spectral-cli $spectral_version into .tools/spectral..."
  mkdir -p .tools/spectral
  npm install --prefix .tools/spectral --no-audit --no-fund --loglevel=error "@stoplight/spectral-cli@$spectral_version" >/dev/null
fi

# axe-core, the accessibility checker the browser tests inject into each main page (AccessibilityTests); installed
# with npm into the git-ignored .tools/axe-core the first time, never globally
axe_version=4.14.1
axe_package=.tools/axe-core/node_modules/axe-core/package.json
if [ ! -f "$axe_package" ] || ! grep -q "\"version\": \"$axe_version\"" "$axe_package"; then
  command -v npm >/dev/null || { echo "scripts/test.sh: the accessibility tests need npm (Node.js 18 or later) to install axe-core" >&2; exit 1; }
  echo "Installing axe-core $axe_version into .tools/axe-core..."
  mkdir -p .tools/axe-core
  npm install --prefix .tools/axe-core --no-audit --no-fund --loglevel=error "axe-core@$axe_version" >/dev/null
fi

# what the servers started below need done when this script ends, however it ends (last started, first stopped)
source scripts/servers/exit-steps.sh

# PostgreSQL 15 for the second run of the API and cluster tests: installed when missing, started now
source scripts/servers/postgres.sh
postgres_install
postgres_start

# a local SMTP server (Debian's python3-aiosmtpd) the e-mail tests send to and read back from: installed when missing, started now
source scripts/servers/smtp.sh
smtp_install
smtp_start

dotnet tool restore >/dev/null
dotnet build Workflow.sln -c Release --nologo -clp:ErrorsOnly

# the real servers the cluster tests run several application servers against (scripts/servers/*.sh)
# shellcheck source=servers/rabbitmq.sh
. scripts/servers/rabbitmq.sh

if [ -d workflows ] && ls workflows/*.workflow.json >/dev/null 2>&1; then
  dotnet run --project src/Workflow.Api -c Release --no-build -- validate-workflows "$PWD/workflows"
fi

log=$(mktemp)
status=0
# the API tests write the OpenAPI document the app serves to artifacts/openapi.json (OpenApiDocumentTests)
rm -f artifacts/openapi.json
# every project on SQLite (the engine a test runs on is PostgreSQL only when WORKFLOW_TEST_POSTGRES names a server)
env -u WORKFLOW_TEST_POSTGRES dotnet test Workflow.sln -c Release --no-build --nologo 2>&1 | tee "$log" || status=$?
# the same API tests on PostgreSQL: each test class gets a database of its own on the cluster (TestDatabase); and the
# cluster tests' three servers on one PostgreSQL database, as a province runs them
echo "API and cluster tests on PostgreSQL:"
WORKFLOW_TEST_POSTGRES="$POSTGRES_SERVER" dotnet test tests/Workflow.Api.Tests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?
WORKFLOW_TEST_POSTGRES="$POSTGRES_SERVER" dotnet test tests/Workflow.Cluster.Tests -c Release --no-build --nologo 2>&1 | tee -a "$log" || status=$?

if [ -f artifacts/openapi.json ]; then
  "$spectral" lint artifacts/openapi.json --ruleset .spectral.yaml --fail-severity error --display-only-failures || status=1
else
  echo "scripts/test.sh: artifacts/openapi.json was not written by the API tests; the OpenAPI document is not linted" >&2
  status=1
fi

# one closing line over all test projects, in the form CI reads
passed=$(grep -aoE 'Passed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
failed=$(grep -aoE 'Failed: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
skipped=$(grep -aoE 'Skipped: +[0-9]+' "$log" | awk '{s+=$2} END {print s+0}')
rm -f "$log"
echo "Tests: $passed passed, $failed failed, $skipped skipped"
exit $status
