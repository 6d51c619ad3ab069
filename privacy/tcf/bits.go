package tcf

import (
	"encoding/binary"
	"math/bits"
)

// b64 maps a base64url character to its 6-bit value, or 0xff.
var b64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()

// slack is the number of zero bytes kept after a segment's bits so that the
// reader can load eight bytes at any position without a bounds branch.
const slack = 8

// decodeSegment unpacks the base64url characters of seg into dst as bits,
// most significant first, followed by slack zero bytes. It returns the
// bytes written and the index of the first invalid character, or -1.
// Like the official library it accepts any length: the final character may
// carry bits that are only padding.
func decodeSegment(dst []byte, seg string) (int, int) {
	n := 0
	i := 0
	for ; i+4 <= len(seg); i += 4 {
		a, b, c, d := b64[seg[i]], b64[seg[i+1]], b64[seg[i+2]], b64[seg[i+3]]
		if a|b|c|d == 0xff {
			for j := i; ; j++ {
				if b64[seg[j]] == 0xff {
					return 0, j
				}
			}
		}
		v := uint32(a)<<18 | uint32(b)<<12 | uint32(c)<<6 | uint32(d)
		dst[n], dst[n+1], dst[n+2] = byte(v>>16), byte(v>>8), byte(v)
		n += 3
	}
	var acc uint32
	k := 0
	for ; i < len(seg); i++ {
		c := b64[seg[i]]
		if c == 0xff {
			return 0, i
		}
		acc = acc<<6 | uint32(c)
		k += 6
	}
	if k > 0 {
		acc <<= 24 - k
		dst[n], dst[n+1], dst[n+2] = byte(acc>>16), byte(acc>>8), byte(acc)
		n += (k + 7) / 8
	}
	clear(dst[n : n+slack])
	return n + slack, -1
}

// reader reads big-endian bit fields from a decoded segment.
type reader struct {
	b   []byte // the segment's bytes followed by at least slack zero bytes
	n   int    // number of bits in the segment
	pos int    // next bit
}

// has reports whether k more bits remain.
func (r *reader) has(k int) bool { return r.pos+k <= r.n }

// read returns the next k <= 57 bits; the caller has checked has(k).
func (r *reader) read(k int) uint64 {
	v := binary.BigEndian.Uint64(r.b[r.pos>>3:])
	v = v << (r.pos & 7) >> (64 - k)
	r.pos += k
	return v
}

// wide returns the next k <= 64 bits; the caller has checked has(k).
func (r *reader) wide(k int) uint64 {
	if k <= 32 {
		return r.read(k)
	}
	hi := r.read(32)
	return hi<<(k-32) | r.read(k-32)
}

// writer writes big-endian bit fields into a byte buffer, segment after
// segment. It stores bytes by index rather than with append so that a buffer
// on the caller's stack stays there.
type writer struct {
	b     []byte
	i     int    // bytes written
	acc   uint64 // pending bits, right-aligned
	k     int    // number of pending bits, < 32 between calls
	n     int    // bits written in the current segment
	start int    // first byte of the current segment
}

// write appends the low k <= 32 bits of v.
func (w *writer) write(v uint64, k int) {
	w.acc = w.acc<<k | v&(1<<k-1)
	w.k += k
	w.n += k
	if w.k >= 32 {
		w.k -= 32
		if w.i+4 > len(w.b) {
			w.grow()
		}
		binary.BigEndian.PutUint32(w.b[w.i:], uint32(w.acc>>w.k))
		w.i += 4
	}
}

func (w *writer) grow() {
	nb := make([]byte, 2*len(w.b)+64)
	copy(nb, w.b[:w.i])
	w.b = nb
}

// wide appends the low k <= 64 bits of v.
func (w *writer) wide(v uint64, k int) {
	if k > 32 {
		w.write(v>>32, k-32)
		k = 32
	}
	w.write(v, k)
}

// flag appends one bit.
func (w *writer) flag(b bool) {
	var v uint64
	if b {
		v = 1
	}
	w.write(v, 1)
}

// endSegment pads the current segment with zero bits to a multiple of 24
// bits, as the official library's Base64Url.encode does, flushes it and
// returns its bytes' bounds; their count is a multiple of 3, so the segment's
// base64url text has no padding. The next segment starts at a byte boundary.
func (w *writer) endSegment() (from, to int) {
	if pad := (24 - w.n%24) % 24; pad > 0 {
		w.write(0, pad)
	}
	for w.k > 0 { // a multiple of 8 now
		w.k -= 8
		if w.i+1 > len(w.b) {
			w.grow()
		}
		w.b[w.i] = byte(w.acc >> w.k)
		w.i++
	}
	from, to = w.start, w.i
	w.start, w.n = w.i, 0
	return from, to
}

// reverse returns the low k bits of v in reverse order: the bit for the
// first ID of a run becomes the most significant of the k bits.
func reverse(v uint64, k int) uint64 {
	return bits.Reverse64(v) >> (64 - k)
}
