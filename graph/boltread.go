package graph

import (
	"context"
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/cayleygraph/cayley/graph/kv"
	cproto "github.com/cayleygraph/cayley/graph/proto"
	"github.com/cayleygraph/cayley/graph/refs"
	"github.com/cayleygraph/quad"
	"github.com/cayleygraph/quad/pquads"
	hbolt "github.com/hidal-go/hidalgo/kv/bbolt"
	bolt "go.etcd.io/bbolt"
	"google.golang.org/protobuf/proto"
)

// boltView reads Cayley's kv layout straight from the Bolt file in one
// read transaction. Going through Cayley's iterators, every quad token
// costs a fetch of the quad from the log, and every fetch a fresh bucket
// lookup; an index entry alone already names the node at its far end
// (the object-predicate-subject index ends with the subject), so a hub's
// neighbours can be listed, and counted, from the index keys.
//
// Cayley never removes a deleted quad from its indexes: it marks the quad
// dead in the log. So an index entry counts only once one of its quads is
// checked live.
type boltView struct {
	tx      *bolt.Tx
	log     *bolt.Bucket
	buckets map[string]*bolt.Bucket
	cleaned map[uint64]bool
	shared  bool // belongs to a context (withView); close leaves it open
}

type viewKey struct{}

// withView opens one read transaction for all the reads made with the
// returned context: a report makes hundreds, each would otherwise begin its
// own. end closes it.
func (s *Store) withView(ctx context.Context) (_ context.Context, end func(), err error) {
	v, ok, err := s.viewBolt(ctx)
	if err != nil || !ok {
		return ctx, func() {}, err
	}
	v.shared = true
	return context.WithValue(ctx, viewKey{}, v), func() { v.tx.Rollback() }, nil
}

// readBoltDirectly is false in tests that compare with the reads through
// Cayley's iterators.
var readBoltDirectly = true

// viewBolt begins a read transaction on the store's Bolt file; ok is false
// on stores that are not Bolt (SQL) or lack the indexes kgb reads.
func (s *Store) viewBolt(ctx context.Context) (v *boltView, ok bool, err error) {
	if s.kv == nil || !s.predIndexed || !readBoltDirectly {
		return nil, false, nil
	}
	if v, ok := ctx.Value(viewKey{}).(*boltView); ok {
		return v, true, nil
	}
	db, isBolt := s.kv.KV.(*hbolt.DB)
	if !isBolt {
		return nil, false, nil
	}
	tx, err := db.DB().Begin(false)
	if err != nil {
		return nil, false, fmt.Errorf("store %s: %w", s.path, err)
	}
	log := tx.Bucket([]byte("log"))
	if log == nil {
		tx.Rollback()
		return nil, false, fmt.Errorf("store %s: no quad log", s.path)
	}
	return &boltView{tx: tx, log: log, buckets: map[string]*bolt.Bucket{}, cleaned: map[uint64]bool{}}, true, nil
}

func (v *boltView) close() {
	if !v.shared {
		v.tx.Rollback()
	}
}

// prim reads a quad or node from the log; nil when it is not there.
func (v *boltView) prim(id uint64) (*cproto.Primitive, error) {
	var k [8]byte
	binary.BigEndian.PutUint64(k[:], id)
	data := v.log.Get(k[:])
	if data == nil {
		return nil, nil
	}
	p := new(cproto.Primitive)
	if err := proto.Unmarshal(data, p); err != nil {
		return nil, fmt.Errorf("quad %d: %w", id, err)
	}
	return p, nil
}

// live is the first quad of ids (an index entry's list) that is not dead,
// newest first: a quad written again after a delete gets a new id at the
// end of the list.
func (v *boltView) live(ids []uint64) (*cproto.Primitive, error) {
	for i := len(ids) - 1; i >= 0; i-- {
		p, err := v.prim(ids[i])
		if err != nil {
			return nil, err
		}
		if p != nil && !p.Deleted {
			return p, nil
		}
	}
	return nil, nil
}

// entries calls fn, in key order, for every entry of index ind whose key
// starts with the node ids vals; next is the id that follows them in the
// key (0 when the key has no more), ids the entry's quads, dead or alive.
// ids is reused: it is valid only during the call.
func (v *boltView) entries(ind kv.QuadIndex, vals []uint64, fn func(next uint64, ids []uint64) error) error {
	name := make([]byte, len(ind.Dirs))
	for i, d := range ind.Dirs {
		name[i] = d.Prefix()
	}
	b, ok := v.buckets[string(name)]
	if !ok {
		b = v.tx.Bucket(name)
		v.buckets[string(name)] = b
	}
	if b == nil {
		return nil
	}
	prefix := make([]byte, 8*len(vals))
	for i, x := range vals {
		binary.BigEndian.PutUint64(prefix[8*i:], x)
	}
	c := b.Cursor()
	var ids []uint64
	for k, val := c.Seek(prefix); k != nil && len(k) >= len(prefix) && string(k[:len(prefix)]) == string(prefix); k, val = c.Next() {
		var next uint64
		if len(k) >= len(prefix)+8 {
			next = binary.BigEndian.Uint64(k[len(prefix):])
		}
		var err error
		ids, err = appendIDs(ids[:0], val)
		if err != nil {
			return fmt.Errorf("index %s entry %x: %w", name, k, err)
		}
		if err := fn(next, ids); err != nil {
			return err
		}
	}
	return nil
}

// appendIDs reads an index entry, quad ids as unsigned varints, onto out.
func appendIDs(out []uint64, b []byte) ([]uint64, error) {
	for len(b) > 0 {
		x, n := binary.Uvarint(b)
		if n <= 0 {
			return out, errors.New("bad varint")
		}
		out = append(out, x)
		b = b[n:]
	}
	return out, nil
}

// clean reports whether every quad the indexes list with node as subject,
// object or label is alive, so that index entries can be counted without
// reading a quad. Cayley keeps a reference count per node: the number of
// live quads that hold it in any direction. The entries list live and dead
// quads; when they add up to the count, none is dead (a node that is also
// some quad's predicate, which no index lists, makes the sum fall short and
// the answer false, so the caller then checks quads one by one).
func (v *boltView) clean(node uint64, val quad.Value, labelIndexed bool) (bool, error) {
	if c, ok := v.cleaned[node]; ok {
		return c, nil
	}
	c, err := v.countsMatch(node, val, labelIndexed)
	if err == nil {
		v.cleaned[node] = c
	}
	return c, err
}

func (v *boltView) countsMatch(node uint64, val quad.Value, labelIndexed bool) (bool, error) {
	h := refs.HashOf(val)
	b := v.tx.Bucket([]byte{'n', h[0], h[1]})
	if b == nil {
		return false, nil
	}
	rc, n := binary.Uvarint(b.Get(h[:]))
	if n <= 0 {
		return false, nil
	}
	var total uint64
	count := func(_ uint64, ids []uint64) error { total += uint64(len(ids)); return nil }
	inds := []kv.QuadIndex{spIndex, opsIndex}
	if labelIndexed {
		inds = append(inds, labelIndex)
	}
	for _, ind := range inds {
		if err := v.entries(ind, []uint64{node}, count); err != nil {
			return false, err
		}
		if total > rc {
			return false, nil
		}
	}
	return total == rc, nil
}

// errUnclean says an index entry listed a dead or missing quad where
// clean had promised none; callers fall back to reading quads.
var errUnclean = errors.New("index lists dead quads")

// objectCounts counts the quads with subject node and predicate pred by
// their object, for a node that is clean. It reads one quad per distinct
// object, not one per quad: the object-predicate-subject entry of an object
// lists all the quads that share it. A hub labelled 阿里云 by 2,564
// articles costs one read, not 2,564.
//
// A node that is not clean costs one read per quad, to skip the dead ones.
func (v *boltView) objectCounts(node, pred uint64, clean bool) (map[uint64]int, error) {
	var all []uint64
	err := v.entries(spIndex, []uint64{node, pred}, func(_ uint64, ids []uint64) error {
		all = append(all, ids...)
		return nil
	})
	if err != nil {
		return nil, err
	}
	counts := map[uint64]int{}
	if !clean {
		for _, id := range all {
			p, err := v.prim(id)
			if err != nil {
				return nil, err
			}
			if p != nil && !p.Deleted {
				counts[p.Object]++
			}
		}
		return counts, nil
	}
	// Most hubs have one or two spellings: stop once every quad is counted,
	// and only then remember which ones were.
	var done map[uint64]bool // made when the first object leaves quads uncounted
	total := 0
	for _, id := range all {
		if total == len(all) {
			break
		}
		if done[id] {
			continue
		}
		p, err := v.prim(id)
		if err != nil {
			return nil, err
		}
		if p == nil || p.Deleted {
			return nil, errUnclean
		}
		o := p.Object
		found := false
		err = v.entries(opsIndex, []uint64{o, pred, node}, func(_ uint64, ids []uint64) error {
			counts[o] += len(ids)
			total += len(ids)
			for _, x := range ids {
				found = found || x == id
			}
			if done == nil && total == len(all) {
				return nil
			}
			if done == nil {
				done = make(map[uint64]bool, len(all))
			}
			for _, x := range ids {
				done[x] = true
			}
			return nil
		})
		if err != nil {
			return nil, err
		}
		if !found || total > len(all) {
			return nil, errUnclean
		}
	}
	return counts, nil
}

// subjectCounts counts the quads with object node and predicate pred by
// their subject: for a clean node from the index keys alone, otherwise with
// one read per quad.
func (v *boltView) subjectCounts(node, pred uint64, clean bool) (map[uint64]int, error) {
	counts := map[uint64]int{}
	err := v.entries(opsIndex, []uint64{node, pred}, func(sub uint64, ids []uint64) error {
		if sub == 0 {
			return nil
		}
		if clean {
			counts[sub] += len(ids)
			return nil
		}
		for _, id := range ids {
			p, err := v.prim(id)
			if err != nil {
				return err
			}
			if p != nil && !p.Deleted {
				counts[sub]++
			}
		}
		return nil
	})
	return counts, err
}

// indexedCounts counts the quads that have v in direction dir (subject or
// object) and predicate pred, by the value at their other end, from index
// entries (see objectCounts, subjectCounts). ok is false when the store is
// not Bolt; the caller then reads quads through Cayley.
func (s *Store) indexedCounts(ctx context.Context, v quad.Value, dir quad.Direction, pred string, c valueCache) (counts map[quad.Value]int, ok bool, err error) {
	nr, err := s.node(v)
	if err != nil || nr == nil {
		return nil, nr == nil && err == nil && s.kv != nil && s.predIndexed, err
	}
	pr, err := s.node(quad.IRI(pred))
	if err != nil {
		return nil, false, err
	}
	node, nok := nr.(kv.Int64Value)
	p, pok := pr.(kv.Int64Value)
	if !nok || (pr != nil && !pok) {
		return nil, false, nil
	}
	view, ok, err := s.viewBolt(ctx)
	if err != nil || !ok {
		return nil, false, err
	}
	defer view.close()
	if pr == nil {
		return nil, true, nil // no quad has the predicate
	}
	clean, err := view.clean(uint64(node), v, s.labelIndexed)
	if err != nil {
		return nil, false, err
	}
	var byID map[uint64]int
	switch dir {
	case quad.Subject:
		byID, err = view.objectCounts(uint64(node), uint64(p), clean)
		if errors.Is(err, errUnclean) {
			byID, err = view.objectCounts(uint64(node), uint64(p), false)
		}
	case quad.Object:
		byID, err = view.subjectCounts(uint64(node), uint64(p), clean)
	default:
		return nil, false, nil
	}
	if err != nil {
		return nil, false, fmt.Errorf("%s %s: %w", v, pred, err)
	}
	counts = make(map[quad.Value]int, len(byID))
	for id, n := range byID {
		val, err := s.nameOf(kv.Int64Value(id), c)
		if err != nil {
			return nil, false, err
		}
		if val != nil {
			counts[val] += n
		}
	}
	return counts, true, nil
}

// value reads a node's value from the log; nil when it is not there.
func (v *boltView) value(id uint64) (quad.Value, error) {
	p, err := v.prim(id)
	if err != nil || p == nil || !p.IsNode() {
		return nil, err
	}
	val, err := pquads.UnmarshalValue(p.Value)
	if err != nil {
		return nil, fmt.Errorf("node %d: %w", id, err)
	}
	return val, nil
}

// valueOf is value through the cache c, which is keyed like nameOf's.
func (v *boltView) valueOf(id uint64, c valueCache) (quad.Value, error) {
	if id == 0 {
		return nil, nil
	}
	k := kv.Int64Value(id)
	if val, ok := c[k]; ok {
		return val, nil
	}
	val, err := v.value(id)
	if err != nil {
		return nil, err
	}
	c[k] = val
	return val, nil
}

// quadsAt reads the live quads that index ind lists under the node ids
// vals, in index order (the order Cayley's iterator gives), at most max
// of them when max > 0, and with a predicate in ps when ps is not nil
// (other quads' values are not read).
func (v *boltView) quadsAt(ind kv.QuadIndex, vals []uint64, max int, ps predSet, c valueCache) ([]quad.Quad, error) {
	var out []quad.Quad
	err := v.entries(ind, vals, func(_ uint64, ids []uint64) error {
		for _, id := range ids {
			if max > 0 && len(out) >= max {
				return errEnough
			}
			p, err := v.prim(id)
			if err != nil {
				return err
			}
			if p == nil || p.Deleted || p.IsNode() {
				continue
			}
			if _, ok := ps[kv.Int64Value(p.Predicate)]; ps != nil && !ok {
				continue
			}
			var q quad.Quad
			for _, d := range quad.Directions {
				val, err := v.valueOf(p.GetDirection(d), c)
				if err != nil {
					return err
				}
				q.Set(d, val)
			}
			out = append(out, q)
		}
		return nil
	})
	if errors.Is(err, errEnough) {
		err = nil
	}
	return out, err
}

var errEnough = errors.New("enough quads read")
