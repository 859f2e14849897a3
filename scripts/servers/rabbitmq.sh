# shellcheck shell=bash
# A throw-away RabbitMQ node for the tests, sourced by scripts/test.sh (after `set -euo pipefail`).
#
# Installs Debian's rabbitmq-server when it is missing (as root; the package's own service is never used), starts a
# node named workflow-test-<pid>@localhost on free loopback ports with its database, logs, pid file and plugin list
# in a temporary directory, waits until it answers, and stops it (and the epmd it started) when the shell exits.
# Exports, for the tests:
#   WORKFLOW_TEST_RABBITMQ       amqp://guest:guest@127.0.0.1:PORT/   (guest may connect from loopback only)
#   WORKFLOW_TEST_RABBITMQCTL    a script running rabbitmqctl against this node (e.g. `stop_app`, `start_app`)
# Any failure to install or start the node ends the test command with the reason: the tests never run without it.

rabbitmq_fail() {
  echo "scripts/servers/rabbitmq.sh: $*" >&2
  exit 1
}

# a loopback port nobody listens on (bash's /dev/tcp connects only if something does)
rabbitmq_free_port() {
  local port tries=0
  while [ $tries -lt 200 ]; do
    port=$(( 20000 + RANDOM % 40000 ))
    tries=$((tries + 1))
    case " ${rabbitmq_taken_ports:-} " in *" $port "*) continue ;; esac
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      rabbitmq_taken_ports="${rabbitmq_taken_ports:-} $port"
      echo "$port"
      return 0
    fi
  done
  rabbitmq_fail "found no free loopback port"
}

rabbitmq_bin=/usr/lib/rabbitmq/bin
if [ ! -x "$rabbitmq_bin/rabbitmq-server" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    rabbitmq_fail "the cluster tests need Debian's rabbitmq-server; run as root, or: sudo apt-get install -y rabbitmq-server"
  fi
  echo "Installing rabbitmq-server for the cluster tests..."
  apt-get update -qq || rabbitmq_fail "apt-get update failed"
  # the package's service cannot start here and is not wanted: its start-up failure is not ours
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq rabbitmq-server >/dev/null 2>&1 || true
  [ -x "$rabbitmq_bin/rabbitmq-server" ] || rabbitmq_fail "apt-get did not install $rabbitmq_bin/rabbitmq-server"
fi

rabbitmq_dir=$(mktemp -d "${TMPDIR:-/tmp}/workflow-rabbitmq.XXXXXX")
rabbitmq_node="workflow-test-$$@localhost"
rabbitmq_port=$(rabbitmq_free_port)
rabbitmq_dist_port=$(rabbitmq_free_port)
rabbitmq_epmd_port=$(rabbitmq_free_port)
mkdir -p "$rabbitmq_dir/mnesia" "$rabbitmq_dir/log" "$rabbitmq_dir/home"
echo '[].' > "$rabbitmq_dir/enabled_plugins"

# everything the node and rabbitmqctl read; the Erlang cookie lives in the temporary HOME, apart from any other node's
cat > "$rabbitmq_dir/env" <<ENV
export HOME='$rabbitmq_dir/home'
export RABBITMQ_NODENAME='$rabbitmq_node'
export RABBITMQ_NODE_IP_ADDRESS=127.0.0.1
export RABBITMQ_NODE_PORT=$rabbitmq_port
export RABBITMQ_DIST_PORT=$rabbitmq_dist_port
export ERL_EPMD_PORT=$rabbitmq_epmd_port
export ERL_EPMD_ADDRESS=127.0.0.1
export RABBITMQ_MNESIA_BASE='$rabbitmq_dir/mnesia'
export RABBITMQ_LOG_BASE='$rabbitmq_dir/log'
export RABBITMQ_PID_FILE='$rabbitmq_dir/rabbitmq.pid'
export RABBITMQ_ENABLED_PLUGINS_FILE='$rabbitmq_dir/enabled_plugins'
export RABBITMQ_CONFIG_FILE='$rabbitmq_dir/rabbitmq'
export RABBITMQ_ADVANCED_CONFIG_FILE='$rabbitmq_dir/advanced.config'
export RABBITMQ_CONF_ENV_FILE='$rabbitmq_dir/rabbitmq-env.conf'
export ERL_CRASH_DUMP='$rabbitmq_dir/log/erl_crash.dump'
# the Erlang schedulers sleep when idle instead of spinning: on a machine of two cores a spinning broker takes CPU the
# servers under test need
export RABBITMQ_SERVER_ADDITIONAL_ERL_ARGS='+sbwt none +sbwtdcpu none +sbwtdio none'
ENV
: > "$rabbitmq_dir/rabbitmq-env.conf"
cat > "$rabbitmq_dir/rabbitmqctl" <<CTL
#!/usr/bin/env bash
# rabbitmqctl against the test node $rabbitmq_node
. '$rabbitmq_dir/env'
exec '$rabbitmq_bin/rabbitmqctl' -n '$rabbitmq_node' "\$@"
CTL
chmod +x "$rabbitmq_dir/rabbitmqctl"

rabbitmq_stop() {
  [ -n "${rabbitmq_dir:-}" ] && [ -d "$rabbitmq_dir" ] || return 0
  "$rabbitmq_dir/rabbitmqctl" -q stop >/dev/null 2>&1 || true
  if [ -n "${rabbitmq_server_pid:-}" ]; then
    # the node's wrapper script ends once the node has stopped; a node that would not stop is ended
    for _ in $(seq 1 50); do kill -0 "$rabbitmq_server_pid" 2>/dev/null || break; sleep 0.2; done
    if kill -0 "$rabbitmq_server_pid" 2>/dev/null; then
      local node_pid
      node_pid=$(cat "$rabbitmq_dir/rabbitmq.pid" 2>/dev/null || true)
      [ -n "$node_pid" ] && kill -9 "$node_pid" 2>/dev/null || true
      kill -9 "$rabbitmq_server_pid" 2>/dev/null || true
    fi
  fi
  # the epmd the node started on its own port
  (. "$rabbitmq_dir/env" && epmd -port "$ERL_EPMD_PORT" -kill >/dev/null 2>&1) || true
  rm -rf "$rabbitmq_dir"
}

# run at exit, after whatever the sourcing script already runs then
if declare -F at_exit >/dev/null; then
  at_exit rabbitmq_stop
else
  rabbitmq_previous_trap=$(trap -p EXIT | sed -E "s/^trap -- '(.*)' EXIT$/\1/")
  # shellcheck disable=SC2064
  trap "rabbitmq_stop; ${rabbitmq_previous_trap:-:}" EXIT
fi

echo "Starting RabbitMQ node $rabbitmq_node on 127.0.0.1:$rabbitmq_port (files in $rabbitmq_dir)..."
(
  . "$rabbitmq_dir/env"
  cd "$rabbitmq_dir"
  exec "$rabbitmq_bin/rabbitmq-server" > "$rabbitmq_dir/log/startup.log" 2>&1 < /dev/null
) &
rabbitmq_server_pid=$!

rabbitmq_started=
for _ in $(seq 1 120); do
  if ! kill -0 "$rabbitmq_server_pid" 2>/dev/null; then
    break
  fi
  if "$rabbitmq_dir/rabbitmqctl" -q status >/dev/null 2>&1 \
     && "$rabbitmq_dir/rabbitmqctl" -q await_startup --timeout 30 >/dev/null 2>&1; then
    rabbitmq_started=1
    break
  fi
  sleep 0.5
done
if [ -z "$rabbitmq_started" ]; then
  for rabbitmq_log in "$rabbitmq_dir/log/"*.log; do
    [ -f "$rabbitmq_log" ] || continue
    echo "--- $rabbitmq_log (last lines) ---" >&2
    tail -n 40 "$rabbitmq_log" >&2 || true
  done
  if kill -0 "$rabbitmq_server_pid" 2>/dev/null; then
    rabbitmq_fail "the RabbitMQ node $rabbitmq_node did not answer on port $rabbitmq_port within 60 s"
  fi
  rabbitmq_fail "the RabbitMQ node $rabbitmq_node exited before it answered (its output is above)"
fi

export WORKFLOW_TEST_RABBITMQ="amqp://guest:guest@127.0.0.1:$rabbitmq_port/"
export WORKFLOW_TEST_RABBITMQCTL="$rabbitmq_dir/rabbitmqctl"
echo "RabbitMQ is up: WORKFLOW_TEST_RABBITMQ=$WORKFLOW_TEST_RABBITMQ"
