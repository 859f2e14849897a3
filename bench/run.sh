#!/usr/bin/env bash
# The performance bench (docs/performance.md), from a fresh clone: publishes the server as an office deploys it and
# builds the bench tool in Release,
# generates the nation's data at 1×, 10× and 100× into bench/.data/ (git-ignored, overwritten by the next run),
# measures the raw SQLite commit rate and P1–P4 against the server started as its own process, then P1 on PostgreSQL
# with one and three servers sharing a RabbitMQ broker (a durable PostgreSQL cluster and a RabbitMQ node that the tool
# starts for that part only, by bench/servers.sh), and prints one table.
#   bash bench/run.sh                  the full run (about 25 minutes on 2 cores, more on a shared machine)
#   bash bench/run.sh --quick          1× and 10× only, shorter windows (a few minutes)
#   bash bench/run.sh --sqlite-only    without the PostgreSQL part (and without installing PostgreSQL and RabbitMQ)
# Not part of the test command: the bench project is outside Workflow.sln.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
args=(run)
for arg in "$@"; do
  case "$arg" in
    --quick) args+=(--quick) ;;
    --sqlite-only) args+=(--sqlite-only) ;;
    *) echo "usage: bash bench/run.sh [--quick] [--sqlite-only]" >&2; exit 2 ;;
  esac
done

# the 100× database takes several GiB; say so before an hour is spent finding out
mkdir -p bench/.data
free_gib=$(df -Pk bench/.data | awk 'NR==2 {print int($4 / 1024 / 1024)}')
if [ "$free_gib" -lt 20 ] && [[ " ${args[*]} " != *" --quick "* ]]; then
  echo "bench/run.sh: $free_gib GiB free under bench/.data; the 100× database needs about 10 GiB (use --quick for 1× and 10×)" >&2
  exit 1
fi

# the server as an office deploys it (docs/operations.md §1): published, compiled ahead of time (ReadyToRun)
rm -rf bench/.data/app
dotnet publish src/Workflow.Api/Workflow.Api.csproj -c Release -r linux-x64 --self-contained false -p:PublishReadyToRun=true \
  -o bench/.data/app --nologo -clp:ErrorsOnly
dotnet build bench/Workflow.Bench/Workflow.Bench.csproj -c Release --nologo -clp:ErrorsOnly

exec dotnet bench/Workflow.Bench/bin/Release/net10.0/Workflow.Bench.dll "${args[@]}"
