// Package explain builds the message catalogs that render pimkit's decision
// reasons in English and Danish.
//
// The English text is the message key itself (the golang.org/x/text/message
// convention), so a reason always renders, and a language without a
// translation falls back to English.
package explain

import (
	"sync"

	"golang.org/x/text/language"
	"golang.org/x/text/message/catalog"
)

// Catalog returns a catalog with each key as its own English text and da
// as the Danish translations, keyed by the English text. It panics on a
// malformed message, which is a programming error caught by the package's
// tests.
func Catalog(da map[string]string) catalog.Catalog {
	b := catalog.NewBuilder(catalog.Fallback(language.English))
	for key := range da {
		byKey.Store(key, b)
	}
	for key, text := range da {
		if err := b.SetString(language.English, key, key); err != nil {
			panic(err)
		}
		if err := b.SetString(language.Danish, key, text); err != nil {
			panic(err)
		}
	}
	return b
}

// byKey maps each message key to the catalog built for it, so a reason read
// back from storage, which keeps only its key, renders in Danish again. It
// is written only while packages build their catalogs at initialisation.
var byKey sync.Map

// Lookup returns the catalog that translates key, or nil when no pimkit
// catalog knows it.
func Lookup(key string) catalog.Catalog {
	if c, ok := byKey.Load(key); ok {
		return c.(catalog.Catalog)
	}
	return nil
}
