#!/usr/bin/env bash
# The servers P1 on PostgreSQL runs against, started by the bench tool when it reaches that part (so they do not take
# the machine's cores while SQLite is measured): a PostgreSQL 15 cluster with its durable defaults (fsync, synchronous
# commit) under bench/.data, on the disk of the SQLite databases, and a RabbitMQ node — by the test command's own
# scripts/servers/*.sh, installed from Debian's packages when missing (as root). Prints the addresses and READY, then
# holds them until its standard input closes (the tool ends, however it ends), and stops them.
set -euo pipefail
cd "$(dirname "$0")/.."

source scripts/servers/exit-steps.sh

mkdir -p bench/.data
source scripts/servers/postgres.sh
postgres_install >&2
POSTGRES_DURABLE=1 POSTGRES_PARENT="$PWD/bench/.data" postgres_start >&2
# shellcheck source=../scripts/servers/rabbitmq.sh
TMPDIR="$PWD/bench/.data" . scripts/servers/rabbitmq.sh >&2

echo "POSTGRES=$POSTGRES_SERVER"
echo "RABBITMQ=$WORKFLOW_TEST_RABBITMQ"
echo "READY"
# until the bench tool closes this script's standard input
cat >/dev/null
