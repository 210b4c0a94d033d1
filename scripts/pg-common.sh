# scripts/pg-common.sh: what scripts/pg-backup and scripts/pg-restore
# share. Sourced, not run.

die() {
	echo "$(basename "$0"): $*" >&2
	exit 1
}

# need_postgres_url stops unless DANGJIAN_DB is a postgres:// URL.
need_postgres_url() {
	[ -n "${DANGJIAN_DB:-}" ] || die "DANGJIAN_DB is not set (the postgres:// URL of the database)"
	case "$DANGJIAN_DB" in
	postgres://* | postgresql://*) ;;
	*) die "DANGJIAN_DB is not a postgres:// URL; SQLite is backed up with 'dangjian backup' and 'dangjian restore'" ;;
	esac
}

# pgbin names a PostgreSQL program: from PG_BIN when set, else from PATH,
# else from Debian's PostgreSQL 15.
pgbin() {
	if [ -n "${PG_BIN:-}" ]; then
		echo "$PG_BIN/$1"
	elif command -v "$1" >/dev/null 2>&1; then
		command -v "$1"
	else
		echo "/usr/lib/postgresql/15/bin/$1"
	fi
}
