#!/usr/bin/env bash
# The performance bench (docs/performance.md), from a fresh clone: publishes the server as an office deploys it and
# builds the bench tool in Release,
# generates the nation's data at 1×, 10× and 100× into bench/.data/ (git-ignored, overwritten by the next run),
# measures the raw SQLite commit rate and P1–P4 against the server started as its own process, then P1 on PostgreSQL
# with one and three servers sharing a RabbitMQ broker (a durable PostgreSQL cluster and a RabbitMQ node started here,
# on the disk of bench/.data, by the test command's own scripts/servers/*.sh), and prints one table.
#   bash bench/run.sh                  the full run (about 25 minutes on 2 cores, more on a shared machine)
#   bash bench/run.sh --quick          1× and 10× only, shorter windows (a few minutes)
#   bash bench/run.sh --sqlite-only    without the PostgreSQL part (and without installing PostgreSQL and RabbitMQ)
# Not part of the test command: the bench project is outside Workflow.sln.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
args=(run)
postgres=1
for arg in "$@"; do
  case "$arg" in
    --quick) args+=(--quick) ;;
    --sqlite-only) postgres=0 ;;
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

# the servers P1 on PostgreSQL runs against, stopped when this script ends however it ends (last started, first stopped)
exit_steps=()
at_exit() { exit_steps=("$1" "${exit_steps[@]}"); }
run_exit_steps() { local step; for step in "${exit_steps[@]}"; do "$step" || true; done; }
trap run_exit_steps EXIT
trap "exit 130" INT
trap "exit 143" TERM
if [ "$postgres" = 1 ]; then
  # durable, as a server that keeps data runs (fsync, synchronous commit), on the same disk as the SQLite databases
  source scripts/servers/postgres.sh
  postgres_install
  POSTGRES_DURABLE=1 POSTGRES_PARENT="$PWD/bench/.data" postgres_start
  export BENCH_POSTGRES="$POSTGRES_SERVER"
  # shellcheck source=../scripts/servers/rabbitmq.sh
  TMPDIR="$PWD/bench/.data" . scripts/servers/rabbitmq.sh
  export BENCH_RABBITMQ="$WORKFLOW_TEST_RABBITMQ"
fi
dotnet bench/Workflow.Bench/bin/Release/net10.0/Workflow.Bench.dll "${args[@]}"
