//go:build windows

package db

import (
	"os"
	"syscall"
	"unsafe"
)

var lockFileEx = syscall.NewLazyDLL("kernel32.dll").NewProc("LockFileEx")

// flock uses LockFileEx, Windows' counterpart of flock.
func flock(f *os.File, exclusive bool) error {
	const failImmediately, exclusiveLock = 0x1, 0x2
	flags := uint32(failImmediately)
	if exclusive {
		flags |= exclusiveLock
	}
	var ol syscall.Overlapped
	r, _, err := lockFileEx.Call(f.Fd(), uintptr(flags), 0, 1, 0, uintptr(unsafe.Pointer(&ol)))
	if r == 0 {
		return err
	}
	return nil
}
