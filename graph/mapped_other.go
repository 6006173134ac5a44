//go:build !linux

package graph

// fileResident is not measured outside Linux; the store's pages are then
// left to the kernel.
func fileResident() (int64, bool) { return 0, false }

func dropMapped(addr uintptr, size int64) {}
