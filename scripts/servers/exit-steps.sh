# shellcheck shell=bash
# What the servers a script starts (scripts/servers/postgres.sh, smtp.sh, rabbitmq.sh) need done when that script ends, however
# it ends: each registers its stop with at_exit, and the steps run last registered, first run. Sourced by
# scripts/test.sh and bench/servers.sh before they start anything.
exit_steps=()
at_exit() { exit_steps=("$1" "${exit_steps[@]}"); }
run_exit_steps() { local step; for step in "${exit_steps[@]}"; do "$step" || true; done; }
trap run_exit_steps EXIT
# a signal ends the script through exit, so the exit steps run then too
trap "exit 130" INT
trap "exit 143" TERM
