# Installs what the pipeline and its tests need on a fresh Debian machine: only what is missing.
# Sourced by test.sh and the scripts under scripts/.

# Debian packages the test suite talks to: independent Avro readers (python3-avro reads snappy and zstandard
# files through python3-snappy and python3-zstandard), Kafka clients, servers: PostgreSQL, an SMTP capture
# server for alert emails (aiosmtpd), Prometheus and Alertmanager with promtool/amtool for the deploy/ configs.
CARTSTREAM_APT_PACKAGES=(python3-avro python3-snappy python3-zstandard avro-bin kcat postgresql python3-aiosmtpd prometheus prometheus-alertmanager)

ensure_apt_packages() {
  local need=() p
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || need+=("$p"); done
  [ ${#need[@]} -eq 0 ] && return 0
  echo "Installing Debian packages: ${need[*]}"
  local attempt
  for attempt in 1 2 3 4 5; do
    # Another apt process may hold the dpkg lock for a moment: retry rather than fail.
    if apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null; then
      return 0
    fi
    sleep $((attempt * 3))
  done
  echo "Could not install: ${need[*]}" >&2
  return 1
}

# npm tools the tests use as independent clients live in tests/npm-<purpose>/ folders, each with a lock file.
ensure_npm_tools() {
  local dir="$1"
  [ -f "$dir/package-lock.json" ] || return 0
  if [ ! -d "$dir/node_modules" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    echo "Installing npm test tools in $dir"
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error) || return 1
  fi
}
