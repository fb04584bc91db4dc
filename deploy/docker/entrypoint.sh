#!/bin/sh
# The image's one entry point: `web` (the Next.js server), `worker` (the job worker) or
# `migrate` (apply and verify migrations, then exit). Everything else comes from the environment
# (README, "Configuration"). Runs from the app folder, which may be read-only: the only writable
# place it needs is /tmp (Next.js's cache; an emptyDir in Kubernetes).
set -eu
cd "$(dirname "$0")"
command="${1:-web}"
[ "$#" -gt 0 ] && shift
case "$command" in
  web)
    mkdir -p /tmp/next-cache
    export PORT="${PORT:-3000}" HOSTNAME="${HOSTNAME_BIND:-0.0.0.0}"
    exec node server.js "$@"
    ;;
  worker) exec node dist/ops/worker.mjs "$@" ;;
  migrate) exec node dist/ops/migrate.mjs "$@" ;;
  *)
    echo "usage: entrypoint.sh web|worker|migrate (got: $command)" >&2
    exit 64
    ;;
esac
