#!/usr/bin/env bash
# Back up SIPEDAKI: the PostgreSQL database (pg_dump custom format) and the stored documents
# (a tar of DOCUMENTS_DIR, default DATA_DIR/documents), into one directory with a SHA-256 manifest.
#
#   DATABASE_URL=postgresql://… DATA_DIR=/srv/sipedaki scripts/backup.sh [backup-dir]
#   DATABASE_URL=postgresql://… DOCUMENTS_DIR=/mnt/sipedaki-documents scripts/backup.sh [backup-dir]
#
# The tar always holds documents/<aa>/<sha256>, wherever the documents live, without the
# temp files of uploads in progress (DOCUMENTS_DIR/tmp).
# backup-dir defaults to ./backups/<UTC timestamp>. pg_dump must match the server's major
# version (15 here): PG_BIN may point at e.g. /usr/lib/postgresql/15/bin.
# The embedded database (PGlite, no DATABASE_URL) is not covered: stop the app and copy DATA_DIR.
set -euo pipefail

: "${DATABASE_URL:?DATABASE_URL must point at the database to back up}"
docs="${DOCUMENTS_DIR:-${DATA_DIR:?DATA_DIR (or DOCUMENTS_DIR) must be set: documents live in DOCUMENTS_DIR, default DATA_DIR/documents}/documents}"
out="${1:-./backups/$(date -u +%Y%m%dT%H%M%SZ)}"
bin="${PG_BIN:-}"
if [ -z "$bin" ] && [ -x /usr/lib/postgresql/15/bin/pg_dump ]; then bin=/usr/lib/postgresql/15/bin; fi
pg_dump="${bin:+$bin/}pg_dump"
# Prisma-style query parameters (?schema=…, ?connection_limit=…) are not libpq's: keep only sslmode.
url="${DATABASE_URL%%\?*}"
case "$DATABASE_URL" in *sslmode=require*) url="$url?sslmode=require" ;; esac

mkdir -p "$out"
"$pg_dump" --format=custom --no-owner --no-privileges --file="$out/database.dump" --dbname="$url"
if [ -d "$docs" ]; then
  tar -C "$docs" -cf "$out/documents.tar" --exclude=./tmp --transform 's,^\.,documents,' .
else
  tar -cf "$out/documents.tar" -T /dev/null
fi
(cd "$out" && sha256sum database.dump documents.tar > SHA256SUMS)
echo "backup written to $out"
