#!/usr/bin/env bash
# Restore a backup made by scripts/backup.sh: the database (pg_restore, in one transaction,
# replacing the objects it contains) and the stored documents (untarred into DOCUMENTS_DIR,
# default DATA_DIR/documents).
#
#   DATABASE_URL=postgresql://… DATA_DIR=/srv/sipedaki scripts/restore.sh <backup-dir>
#   DATABASE_URL=postgresql://… DOCUMENTS_DIR=/mnt/sipedaki-documents scripts/restore.sh <backup-dir>
#
# Stop the API first. The target database must exist (createdb); it may be empty.
set -euo pipefail

dir="${1:?usage: scripts/restore.sh <backup-dir>}"
: "${DATABASE_URL:?DATABASE_URL must point at the database to restore into}"
docs="${DOCUMENTS_DIR:-${DATA_DIR:?DATA_DIR (or DOCUMENTS_DIR) must be set: the documents are restored into DOCUMENTS_DIR, default DATA_DIR/documents}/documents}"
bin="${PG_BIN:-}"
if [ -z "$bin" ] && [ -x /usr/lib/postgresql/15/bin/pg_restore ]; then bin=/usr/lib/postgresql/15/bin; fi
pg_restore="${bin:+$bin/}pg_restore"
url="${DATABASE_URL%%\?*}"
case "$DATABASE_URL" in *sslmode=require*) url="$url?sslmode=require" ;; esac

# A damaged or partial backup stops here, before anything is changed.
(cd "$dir" && sha256sum --check --quiet SHA256SUMS)
"$pg_restore" --clean --if-exists --no-owner --no-privileges --single-transaction --exit-on-error --dbname="$url" "$dir/database.dump"
mkdir -p "$docs"
# Every backup's tar holds documents/<aa>/<sha256>: its first path component is dropped.
tar -C "$docs" --strip-components=1 -xf "$dir/documents.tar"
echo "restored $dir into the database and $docs"
