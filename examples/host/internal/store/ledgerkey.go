package store

import (
	"bytes"
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"encoding/binary"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"syscall"
)

// LedgerKey is the secret that keys the ledgers' chains: 32 random bytes
// the host keeps outside the database (a file only the host's user can
// read, a secrets manager). Whoever can write the database but does not
// hold the key can neither re-chain edited entries nor append entries
// that verify.
type LedgerKey []byte

// ErrNoLedgerKey reports a ledger operation without a usable key.
var ErrNoLedgerKey = errors.New("store: no ledger key (32 bytes)")

func (k LedgerKey) invalid() bool { return len(k) != 32 }

// mac returns HMAC-SHA256 under k of parts, each preceded by its length.
func (k LedgerKey) mac(parts ...string) string {
	m := hmac.New(sha256.New, k)
	var n [binary.MaxVarintLen64]byte
	for _, p := range parts {
		m.Write(n[:binary.PutUvarint(n[:], uint64(len(p)))])
		m.Write([]byte(p))
	}
	return hex.EncodeToString(m.Sum(nil))
}

// EntryMAC returns the MAC e should carry: HMAC-SHA256 under k of a domain
// tag, the ledger, the sequence number and e.Hash (which covers every
// column and, through Prev, every entry before).
func (k LedgerKey) EntryMAC(e Entry) string {
	return k.mac("pimkit-ledger-entry-v2", e.Ledger, strconv.FormatInt(e.Seq, 10), e.Hash)
}

// SignedHead is a ledger's head with a MAC under the ledger key, as kept
// outside the database in a [HeadFile]. Seq 0 (with [GenesisHash]) is the
// head of an empty ledger.
type SignedHead struct {
	Ledger string `json:"ledger"`
	Seq    int64  `json:"seq"`
	Hash   string `json:"hash"`
	MAC    string `json:"mac"`
}

// SignHead returns h of ledger signed with k.
func (k LedgerKey) SignHead(ledger string, h Head) SignedHead {
	if h.Seq == 0 {
		h.Hash = GenesisHash
	}
	return SignedHead{Ledger: ledger, Seq: h.Seq, Hash: h.Hash,
		MAC: k.mac("pimkit-ledger-head-v1", ledger, strconv.FormatInt(h.Seq, 10), h.Hash)}
}

// CheckHead reports whether h carries k's MAC.
func (k LedgerKey) CheckHead(h SignedHead) bool {
	if k.invalid() || h.Seq < 0 {
		return false
	}
	want := k.SignHead(h.Ledger, Head{Seq: h.Seq, Hash: h.Hash})
	return h.Hash == want.Hash && hmac.Equal([]byte(h.MAC), []byte(want.MAC))
}

// LoadLedgerKey reads the key file at path: 64 hex digits (a trailing
// newline allowed). When create is true and there is no file, it writes a
// new random key there first, readable by the owner only. Errors do not
// repeat the key.
func LoadLedgerKey(path string, create bool) (LedgerKey, error) {
	if path == "" {
		return nil, ErrNoLedgerKey
	}
	b, err := os.ReadFile(path)
	if errors.Is(err, fs.ErrNotExist) && create {
		k := make([]byte, 32)
		if _, err := rand.Read(k); err != nil {
			return nil, err
		}
		if err := writeFileAtomic(path, []byte(hex.EncodeToString(k)+"\n"), 0o600, false); err != nil {
			if errors.Is(err, fs.ErrExist) {
				return LoadLedgerKey(path, false) // another process created it first
			}
			return nil, fmt.Errorf("store: write the ledger key: %w", err)
		}
		return k, nil
	}
	if err != nil {
		return nil, fmt.Errorf("%w: cannot read the key file: %w", ErrNoLedgerKey, errors.Unwrap(err))
	}
	k, err := hex.DecodeString(string(bytes.TrimSpace(b)))
	if err != nil || len(k) != 32 {
		return nil, fmt.Errorf("%w: the key file does not hold 64 hex digits", ErrNoLedgerKey)
	}
	return k, nil
}

// HeadFile keeps a ledger's signed head in a file outside the database.
// Advance only ever moves it forward, under an exclusive lock on a lock
// file beside it, and replaces it atomically (write, fsync, rename), so
// concurrent writers and a crash leave the latest head or the one before.
type HeadFile struct{ Path string }

// Load returns the signed head in the file; ok is false when there is no
// file.
func (f HeadFile) Load() (h SignedHead, ok bool, err error) {
	b, err := os.ReadFile(f.Path)
	if errors.Is(err, fs.ErrNotExist) {
		return SignedHead{}, false, nil
	} else if err != nil {
		return SignedHead{}, false, fmt.Errorf("store: read the signed head: %w", errors.Unwrap(err))
	}
	if err := json.Unmarshal(b, &h); err != nil {
		return SignedHead{}, false, fmt.Errorf("store: the signed head file does not decode")
	}
	return h, true, nil
}

// Advance stores h unless the file already holds a head at h.Seq or later.
func (f HeadFile) Advance(h SignedHead) error {
	lock, err := os.OpenFile(f.Path+".lock", os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return fmt.Errorf("store: lock the signed head: %w", errors.Unwrap(err))
	}
	defer lock.Close()
	if err := syscall.Flock(int(lock.Fd()), syscall.LOCK_EX); err != nil {
		return fmt.Errorf("store: lock the signed head: %w", err)
	}
	defer syscall.Flock(int(lock.Fd()), syscall.LOCK_UN)
	cur, ok, err := f.Load()
	if err != nil {
		return err
	}
	if ok && cur.Ledger == h.Ledger && cur.Seq >= h.Seq {
		return nil
	}
	b, err := json.Marshal(h)
	if err != nil {
		return err
	}
	return writeFileAtomic(f.Path, append(b, '\n'), 0o600, true)
}

// writeFileAtomic writes b to a temporary file beside path, syncs it and
// renames it over path (or links it there, failing with fs.ErrExist when
// path exists and replace is false), then syncs the directory.
func writeFileAtomic(path string, b []byte, perm os.FileMode, replace bool) error {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".tmp*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name())
	if _, err := tmp.Write(b); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(perm); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	if replace {
		err = os.Rename(tmp.Name(), path)
	} else {
		err = os.Link(tmp.Name(), path)
	}
	if err != nil {
		return err
	}
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}
