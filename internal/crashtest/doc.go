// Package crashtest holds the crash harness and has no code of its own:
// its tests build the real dangjian binary, run it as a server on a
// loopback port, send concurrent writes through the JSON API, kill the
// process (or the PostgreSQL server) mid-load, start it again and check
// that every acknowledged write is still there, the database is whole and
// the audit chain verifies. Each test stays well under a minute.
package crashtest
