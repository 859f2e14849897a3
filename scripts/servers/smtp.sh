# shellcheck shell=bash
# A throw-away SMTP server for the e-mail tests, sourced by scripts/test.sh:
#   smtp_install   Debian's python3-aiosmtpd when it is missing (as root; otherwise says what to install)
#   smtp_start     aiosmtpd on a free loopback port, storing every message it accepts in a maildir under a temporary
#                  directory; exports WORKFLOW_TEST_SMTP (127.0.0.1:PORT) and WORKFLOW_TEST_MAILDIR (the maildir, one
#                  file per message under new/)
#   smtp_stop      stops it and removes the directory (smtp_start registers it with at_exit, or as the EXIT trap)
# Debian's interpreter runs it (/usr/bin/python3): the module is installed for that one, not for any other python3 on PATH.

SMTP_PYTHON=${SMTP_PYTHON:-/usr/bin/python3}

_smtp_has_aiosmtpd() { [ -x "$SMTP_PYTHON" ] && "$SMTP_PYTHON" -c 'import aiosmtpd.handlers' 2>/dev/null; }

smtp_install() {
  _smtp_has_aiosmtpd && return 0
  if [ "$(id -u)" -ne 0 ]; then
    echo "scripts/test.sh: the e-mail tests need Debian's python3-aiosmtpd; run as root, or: sudo apt-get install -y python3-aiosmtpd" >&2
    return 1
  fi
  echo "Installing python3-aiosmtpd for the e-mail tests..."
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-aiosmtpd >/dev/null
  _smtp_has_aiosmtpd || { echo "scripts/test.sh: apt-get did not install aiosmtpd for $SMTP_PYTHON" >&2; return 1; }
}

_smtp_free_port() {
  local port
  for _ in $(seq 50); do
    port=$((20000 + RANDOM % 40000))
    # nothing answers there: bash's /dev/tcp fails to connect
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return 0; fi
  done
  return 1
}

smtp_start() {
  SMTP_DIR=$(mktemp -d "${TMPDIR:-/tmp}/workflow-smtp.XXXXXX")
  # stopped when the test command ends, however it ends (its at_exit steps)
  if declare -F at_exit >/dev/null; then at_exit smtp_stop; else trap smtp_stop EXIT; fi
  local attempt port
  for attempt in 1 2 3; do
    port=$(_smtp_free_port) || break
    # -n: stay the user who started it; -u: SMTPUTF8, as Vietnamese addresses may need; Mailbox: one file per message
    "$SMTP_PYTHON" -m aiosmtpd -n -u -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$SMTP_DIR/maildir" \
      >"$SMTP_DIR/server.log" 2>&1 </dev/null &
    SMTP_PID=$!
    for _ in $(seq 100); do
      kill -0 "$SMTP_PID" 2>/dev/null || break
      if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
        export WORKFLOW_TEST_SMTP="127.0.0.1:$port" WORKFLOW_TEST_MAILDIR="$SMTP_DIR/maildir"
        echo "SMTP server (aiosmtpd) for the e-mail tests on $WORKFLOW_TEST_SMTP, messages in $WORKFLOW_TEST_MAILDIR"
        return 0
      fi
      sleep 0.1
    done
    kill "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=
  done
  echo "scripts/test.sh: the SMTP server did not start; its log:" >&2
  cat "$SMTP_DIR/server.log" >&2 2>/dev/null
  return 1
}

smtp_stop() {
  if [ -n "${SMTP_PID:-}" ]; then
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=
  fi
  [ -n "${SMTP_DIR:-}" ] && rm -rf "$SMTP_DIR"
  SMTP_DIR=
}
