package gpp

import "encoding/binary"

// b64 maps a base64url character to its 6-bit value, or 0xff.
var b64 = func() (t [256]byte) {
	for i := range t {
		t[i] = 0xff
	}
	for i := 0; i < len(alphabet); i++ {
		t[alphabet[i]] = byte(i)
	}
	return t
}()

const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

// slack is the number of zero bytes kept after a segment's bits so that
// the reader can load eight bytes at any position.
const slack = 8

// reader reads big-endian bit fields from one decoded segment.
type reader struct {
	b   []byte // the segment's bits, then slack zero bytes
	n   int    // number of bits in the segment
	pos int    // next bit
}

// load decodes seg's base64url characters into r, reusing r's buffer. It
// returns the index of the first invalid character, or -1. Like the
// official library it accepts any length; trailing bits are padding.
func (r *reader) load(seg string) int {
	need := (len(seg)*6+7)/8 + slack
	if cap(r.b) < need {
		r.b = make([]byte, need)
	}
	b := r.b[:need]
	var acc uint32
	k, n := 0, 0
	i := 0
	for ; i+4 <= len(seg); i += 4 {
		c0, c1, c2, c3 := b64[seg[i]], b64[seg[i+1]], b64[seg[i+2]], b64[seg[i+3]]
		if c0|c1|c2|c3 == 0xff {
			break // the loop below finds the character
		}
		v := uint32(c0)<<18 | uint32(c1)<<12 | uint32(c2)<<6 | uint32(c3)
		b[n], b[n+1], b[n+2] = byte(v>>16), byte(v>>8), byte(v)
		n += 3
	}
	for ; i < len(seg); i++ {
		c := b64[seg[i]]
		if c == 0xff {
			return i
		}
		acc = acc<<6 | uint32(c)
		k += 6
		if k >= 8 {
			k -= 8
			b[n] = byte(acc >> k)
			n++
		}
	}
	if k > 0 {
		b[n] = byte(acc << (8 - k))
		n++
	}
	clear(b[n:])
	r.b, r.n, r.pos = b, len(seg)*6, 0
	return -1
}

// has reports whether k more bits remain.
func (r *reader) has(k int) bool { return r.pos+k <= r.n }

// read returns the next k <= 56 bits; the caller has checked has(k).
func (r *reader) read(k int) uint64 {
	v := binary.BigEndian.Uint64(r.b[r.pos>>3:])
	v = v << (r.pos & 7) >> (64 - k)
	r.pos += k
	return v
}

// bit returns the next bit; the caller has checked has(1).
func (r *reader) bit() bool {
	v := r.b[r.pos>>3] >> (7 - r.pos&7) & 1
	r.pos++
	return v == 1
}

// maxFibBits bounds a Fibonacci code: F(25) = 121393 exceeds every value
// a GPP field holds (IDs up to 65535), so a longer code is malformed.
const maxFibBits = 26

// fib are the Fibonacci numbers 1, 2, 3, 5, ... used by Fibonacci coding.
var fib = func() (f [maxFibBits]int) {
	f[0], f[1] = 1, 2
	for i := 2; i < len(f); i++ {
		f[i] = f[i-1] + f[i-2]
	}
	return f
}()

// fibonacci reads a Fibonacci-coded integer (GPP "Fibonacci Integer":
// Zeckendorf bits, least significant first, ended by an extra 1 so that
// the code ends in "11"). It returns false when the bits run out or the
// code exceeds maxFibBits.
func (r *reader) fibonacci() (int, bool) {
	v := 0
	prev := false
	for i := 0; ; i++ {
		if !r.has(1) || i > maxFibBits {
			return 0, false
		}
		b := r.bit()
		if b && prev {
			return v, true
		}
		if b {
			if i >= maxFibBits {
				return 0, false
			}
			v += fib[i]
		}
		prev = b
	}
}

// writer appends bit fields to a buffer.
type writer struct {
	b   []byte
	acc uint64 // pending bits, right-aligned
	k   int    // number of pending bits, < 8 between calls
	n   int    // bits written
}

// write appends the low k <= 32 bits of v.
func (w *writer) write(v uint64, k int) {
	w.acc = w.acc<<k | v&(1<<k-1)
	w.k += k
	w.n += k
	for w.k >= 8 {
		w.k -= 8
		w.b = append(w.b, byte(w.acc>>w.k))
	}
}

// flag appends one bit.
func (w *writer) flag(b bool) {
	var v uint64
	if b {
		v = 1
	}
	w.write(v, 1)
}

// fibLen returns the length of v's Fibonacci code, v >= 1.
func fibLen(v int) int {
	i := 0
	for i+1 < len(fib) && fib[i+1] <= v {
		i++
	}
	return i + 2
}

// fibonacci appends v >= 1 Fibonacci-coded.
func (w *writer) fibonacci(v int) {
	n := fibLen(v) - 1 // Zeckendorf bits
	var bits [maxFibBits + 1]bool
	for i := n - 1; i >= 0; i-- {
		if v >= fib[i] {
			bits[i] = true
			v -= fib[i]
		}
	}
	for i := 0; i < n; i++ {
		w.flag(bits[i])
	}
	w.write(1, 1)
}

// padding is how a segment's bits are padded before base64url: the
// header, tcfcav1 and the US sections pad to a whole byte and then to a
// whole character (the official library's CompressedBase64UrlEncoder);
// tcfeuv2 pads to 24 bits, as a stand-alone TC string does
// (TraditionalBase64UrlEncoder).
type padding uint8

const (
	compressed padding = iota
	traditional
)

// segment pads the bits written so far and appends their base64url text
// to dst, then resets w for the next segment.
func (w *writer) segment(dst []byte, p padding) []byte {
	total := w.n
	if p == traditional {
		total = (total + 23) / 24 * 24
	} else {
		total = (total + 7) / 8 * 8
		total = (total + 5) / 6 * 6
	}
	for w.n < total {
		k := min(total-w.n, 32)
		w.write(0, k)
	}
	if w.k > 0 { // flush the last partial byte, padded with zeros
		w.b = append(w.b, byte(w.acc<<(8-w.k)))
	}
	chars := total / 6
	for i := 0; i < chars; i++ {
		bit := i * 6
		hi := uint(w.b[bit>>3])<<8 | uint(at(w.b, bit>>3+1))
		dst = append(dst, alphabet[hi>>(10-bit&7)&63])
	}
	w.b, w.acc, w.k, w.n = w.b[:0], 0, 0, 0
	return dst
}

func at(b []byte, i int) byte {
	if i < len(b) {
		return b[i]
	}
	return 0
}
