package graph

import (
	"bytes"
	"os"
	"strconv"
	"syscall"
)

// fileResident is how many bytes of file-backed (and shared) memory the
// process has resident: the third field of /proc/self/statm, in pages.
func fileResident() (int64, bool) {
	b, err := os.ReadFile("/proc/self/statm")
	if err != nil {
		return 0, false
	}
	f := bytes.Fields(b)
	if len(f) < 3 {
		return 0, false
	}
	pages, err := strconv.ParseInt(string(f[2]), 10, 64)
	if err != nil {
		return 0, false
	}
	return pages * int64(os.Getpagesize()), true
}

// dropMapped unmaps the resident pages of [addr, addr+size) from the
// process; the mapping itself stays valid. addr comes from Bolt as an
// integer, so the raw system call is used rather than a []byte view.
func dropMapped(addr uintptr, size int64) {
	if addr == 0 || size <= 0 {
		return
	}
	syscall.Syscall(syscall.SYS_MADVISE, addr, uintptr(size), syscall.MADV_DONTNEED)
}
