package graph

import (
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
)

// DefaultMappedLimit is the MappedLimit of a writable Bolt store when none
// is set.
const DefaultMappedLimit = 256 << 20

// trimMapped gives back the store's file pages the process has mapped once
// they pass s.mappedLimit. Bolt reads the store through one shared,
// read-only mmap of the whole file; a long build touches nearly every page
// of it (Cayley's indexes are keyed by hashes and node ids, so writes land
// all over the file), and every touched page then counts in the process's
// resident set until Bolt next remaps, which it does only at 1 GB steps.
// Without this, a 10k-article build peaks at ~1.3 GB RSS of which ~1 GB
// is such pages. Dropping the mapping of pages that are also in the page
// cache loses nothing (Bolt never writes through the map; it writes with
// pwrite), and the next read faults them back from the cache. The caller
// holds s.writeMu, so no write transaction can grow or remap the file
// meanwhile.
func (s *Store) trimMapped() {
	if s.kv == nil || s.readOnly || s.mappedLimit <= 0 {
		return
	}
	mapped, ok := fileResident()
	if !ok || mapped < s.mappedLimit {
		return
	}
	hdb, ok := s.kv.KV.(*hbolt.DB)
	if !ok {
		return
	}
	db := hdb.DB()
	// A read transaction holds Bolt's mmap lock, so the mapping cannot move
	// while it is advised; its Size is within the mapping.
	tx, err := db.Begin(false)
	if err != nil {
		return
	}
	defer tx.Rollback()
	s.mappedTrims++
	dropMapped(db.Info().Data, tx.Size())
}
