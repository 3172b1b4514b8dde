#!/usr/bin/env bash
# Installs what the local scripts (postgres.sh, rabbitmq.sh, dashboard.sh) need on Debian/Ubuntu. Idempotent.
#
#   install.sh [--no-docker-compose] [--no-dashboard]
#
# - apt-get installs only what is missing: rabbitmq-server, PostgreSQL (any version with pg_ctl in
#   /usr/lib/postgresql/*/bin; an installed one is used as it is), curl, and, optional (a failure there is only a
#   warning), docker-compose and kubectl (Debian's kubernetes-client: tests/Ingestion.Deploy.Tests renders
#   deploy/kubernetes with it). apt-get update runs only when something is missing.
# - Checks that `dotnet` is .NET 10 or newer (it does not install it) and restores the Aspire dashboard
#   download (deploy/local/dashboard/Dashboard.Download.csproj) unless it is already there.
# Runs as root, or through sudo when not root. CI=true (or no terminal) means no prompts.
# Note: where systemd runs, the Debian packages start a system-wide PostgreSQL (5432) and RabbitMQ (5672);
# the local scripts use their own ports and folders and leave those alone.
set -euo pipefail

usage() { echo "usage: $0 [--no-docker-compose] [--no-dashboard]" >&2; exit 2; }

WANT_COMPOSE=1 WANT_DASHBOARD=1
for a in "$@"; do
    case "$a" in
        --no-docker-compose) WANT_COMPOSE=0 ;;
        --no-dashboard) WANT_DASHBOARD=0 ;;
        -h|--help) usage ;;
        *) usage ;;
    esac
done

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
say() { echo "install.sh: $*"; }
warn() { echo "install.sh: WARNING: $*" >&2; }
die() { echo "install.sh: ERROR: $*" >&2; exit 1; }

SUDO=()
if [[ "$(id -u)" != "0" ]]; then
    if command -v sudo >/dev/null 2>&1; then
        SUDO=(sudo)
        if [[ "${CI:-}" == "true" || ! -t 0 ]]; then SUDO=(sudo -n); fi
    fi
fi

pkg_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed"; }

have_pg_ctl() {
    local d
    for d in /usr/lib/postgresql/*/bin; do
        [[ -x "$d/pg_ctl" ]] && return 0
    done
    return 1
}

missing=()
optional_missing=()
if [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]]; then
    say "rabbitmq-server: present ($(dpkg-query -W -f='${Version}' rabbitmq-server 2>/dev/null || echo '?'))"
else
    missing+=(rabbitmq-server)
fi
if have_pg_ctl; then
    say "PostgreSQL: present ($(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1))"
else
    missing+=(postgresql)
fi
if command -v curl >/dev/null 2>&1; then
    say "curl: present"
else
    missing+=(curl)
fi
if (( WANT_COMPOSE )); then
    if command -v docker-compose >/dev/null 2>&1; then
        say "docker-compose: present ($(docker-compose version --short 2>/dev/null || echo '?'))"
    else
        optional_missing+=(docker-compose)
    fi
fi
if command -v kubectl >/dev/null 2>&1; then
    say "kubectl: present ($(kubectl version --client 2>/dev/null | head -n 1 || echo '?'))"
else
    optional_missing+=(kubernetes-client)
fi

if (( ${#missing[@]} + ${#optional_missing[@]} > 0 )); then
    command -v apt-get >/dev/null 2>&1 || die "apt-get not found: install ${missing[*]} ${optional_missing[*]} by hand"
    if [[ "$(id -u)" != "0" && ${#SUDO[@]} -eq 0 ]]; then
        die "not root and no sudo: run as root to install ${missing[*]} ${optional_missing[*]}"
    fi
    export DEBIAN_FRONTEND=noninteractive
    APT=("${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -y -q -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    say "apt-get update"
    "${APT[@]}" update -qq || warn "apt-get update failed; trying to install anyway"
    if (( ${#missing[@]} > 0 )); then
        say "apt-get install ${missing[*]}"
        "${APT[@]}" install --no-install-recommends "${missing[@]}" || die "apt-get install ${missing[*]} failed"
    fi
    for pkg in "${optional_missing[@]}"; do
        case "$pkg" in
            docker-compose) without="deploy/check-compose.sh will not run" ;;
            kubernetes-client) without="the Kubernetes manifest tests (tests/Ingestion.Deploy.Tests) will skip" ;;
        esac
        say "apt-get install $pkg (optional)"
        "${APT[@]}" install --no-install-recommends "$pkg" \
            || warn "could not install $pkg; $without (everything else works)"
    done
    [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || die "rabbitmq-server still missing after apt-get install"
    have_pg_ctl || die "no /usr/lib/postgresql/*/bin/pg_ctl after apt-get install postgresql"
else
    say "all system packages present; apt-get not run"
fi

# .NET SDK: required by the project, not installed here.
if command -v dotnet >/dev/null 2>&1; then
    ver="$(dotnet --version 2>/dev/null || echo 0)"
    major="${ver%%.*}"
    if [[ "$major" =~ ^[0-9]+$ ]] && (( major >= 10 )); then
        say "dotnet SDK $ver: ok"
    else
        warn "dotnet SDK $ver found, but the project needs .NET 10 or newer (see global.json); install the .NET 10 SDK"
        WANT_DASHBOARD=0
    fi
else
    warn "dotnet not found: the project needs the .NET 10 SDK (https://dot.net); the dashboard cannot be restored without it"
    WANT_DASHBOARD=0
fi

if (( WANT_DASHBOARD )); then
    if bin="$("$HERE/dashboard.sh" path)"; then
        say "Aspire dashboard: $bin"
    else
        die "could not restore the Aspire dashboard ($HERE/dashboard/Dashboard.Download.csproj); run: $HERE/dashboard.sh path"
    fi
fi
say "done"
