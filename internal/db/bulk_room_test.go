package db

import (
	"runtime/debug"
	"testing"
)

// Overlapping bulk writes keep the room until the last one ends; a limit
// already set higher than the bulk limit is left alone.
func TestMemoryRoomOverlaps(t *testing.T) {
	before := debug.SetMemoryLimit(19 << 20)
	defer debug.SetMemoryLimit(before)
	var m memoryRoom
	leaveA := m.enter()
	leaveB := m.enter()
	leaveA()
	if got := debug.SetMemoryLimit(-1); got != bulkMemoryLimit {
		t.Fatalf("one of two bulk writes ended: limit %d MiB, want %d", got>>20, bulkMemoryLimit>>20)
	}
	leaveB()
	if got := debug.SetMemoryLimit(-1); got != 19<<20 {
		t.Fatalf("both ended: limit %d MiB, want 19 back", got>>20)
	}
	debug.SetMemoryLimit(500 << 20)
	leave := m.enter()
	if got := debug.SetMemoryLimit(-1); got != 500<<20 {
		t.Fatalf("a higher limit was lowered to %d MiB", got>>20)
	}
	leave()
}
