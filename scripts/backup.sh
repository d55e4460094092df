#!/usr/bin/env bash
# Back up SIPEDAKI: the PostgreSQL database (pg_dump custom format) and the stored documents
# (a tar of DATA_DIR/documents), into one directory with a SHA-256 manifest.
#
#   DATABASE_URL=postgresql://… DATA_DIR=/srv/sipedaki scripts/backup.sh [backup-dir]
#
# backup-dir defaults to ./backups/<UTC timestamp>. pg_dump must match the server's major
# version (15 here): PG_BIN may point at e.g. /usr/lib/postgresql/15/bin.
# The embedded database (PGlite, no DATABASE_URL) is not covered: stop the app and copy DATA_DIR.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must point at the database to back up}"
: "${DATA_DIR:?DATA_DIR must be the data directory (documents live in DATA_DIR/documents)}"
out="${1:-./backups/$(date -u +%Y%m%dT%H%M%SZ)}"
bin="${PG_BIN:-}"
if [ -z "$bin" ] && [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then bin=/usr/lib/postgresql/15/bin; fi
pg_dump="${bin:+$bin/}pg_dump"
# Prisma-style query parameters (?schema=…, ?connection_limit=…) are not libpq's: keep only sslmode.
url="${DATABASE_URL%%\?*}"
case "$DATABASE_URL" in *sslmode=require*) url="$url?sslmode=require" ;; esac

mkdir -p "$out"
"$pg_dump" --format=custom --no-owner --no-privileges --file="$out/database.dump" --dbname="$url"
if [ -d "$DATA_DIR/documents" ]; then
  tar -C "$DATA_DIR" -cf "$out/documents.tar" documents
else
  tar -cf "$out/documents.tar" -T /dev/null
fi
(cd "$out" && sha256sum database.dump documents.tar > SHA256SUMS)
echo "backup written to $out"
