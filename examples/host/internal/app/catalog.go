package app

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/pimkit/pimkit/catalog"
	"github.com/pimkit/pimkit/contract"
	"github.com/pimkit/pimkit/examples/host/internal/store"
	"golang.org/x/text/currency"
)

// ProductSchemaRef names the product schema this host validates against,
// stored with every product so that a record can be read back with the
// schema it was written under after the schema changes.
const ProductSchemaRef = "product/opendims-v1"

// ProductCatalog returns the host's compiled product schema: the OpenDIMS
// standard product fields (seeds/README.md), prices excluding VAT, for one
// channel "webshop" in Danish and English with prices in DKK and EUR, where
// title, price and images are required of active products.
func ProductCatalog() (*catalog.Compiled, error) {
	return catalog.ProductSchema(catalog.ExclVAT, "webshop").Compile(catalog.Channel{
		Code:       "webshop",
		Locales:    []contract.Locale{contract.MustLocale("da-DK"), contract.MustLocale("en-GB")},
		Currencies: []contract.Currency{contract.CurrencyOf(currency.DKK), contract.CurrencyOf(currency.EUR)},
	})
}

// ImportResult counts what an import did with each row.
type ImportResult struct {
	Rows, Created, Updated, Unchanged, Conflicts, Invalid int
}

// ImportProducts reads products from CSV (Akeneo's layout: sku, status,
// version, categories, then one column per value) and stores each in its
// own transaction:
//
//   - a new SKU is created at version 1;
//   - a row for an existing SKU must carry the version it was exported at
//     (the version column): it updates the product when that is still the
//     current version and is refused as a conflict otherwise, so an edit
//     made from a stale export never overwrites a newer one;
//   - a row identical to the stored product changes nothing, so importing
//     the same file twice is harmless.
//
// Bad rows are reported with their row number and field paths, never their
// contents, and do not stop the good ones.
func (a *App) ImportProducts(ctx context.Context, r io.Reader, opts catalog.CSVOptions) (ImportResult, error) {
	var res ImportResult
	c, err := ProductCatalog()
	if err != nil {
		return res, err
	}
	dec, err := c.NewCSVDecoder(r, opts)
	if err != nil {
		return res, err
	}
	for {
		rec, err := dec.Decode()
		if errors.Is(err, io.EOF) {
			break
		}
		res.Rows++
		var rowErr *catalog.RowError
		if errors.As(err, &rowErr) {
			res.Invalid++
			a.printf("  row %d: invalid: %s\n", rowErr.Row, problems(rowErr.Problems))
			continue
		} else if err != nil {
			return res, err
		}
		if err := a.validate(c, rec); err != nil {
			res.Invalid++
			a.printf("  row %d (%s): invalid: %v\n", res.Rows+1, rec.ID, err)
			continue
		}
		outcome, err := a.saveProduct(ctx, c, rec)
		var ce *store.ConflictError
		switch {
		case errors.As(err, &ce):
			res.Conflicts++
			a.printf("  row %d (%s): %v\n", res.Rows+1, rec.ID, err)
		case err != nil:
			return res, err
		case outcome == "created":
			res.Created++
		case outcome == "updated":
			res.Updated++
		default:
			res.Unchanged++
		}
		if a.Progress != nil && res.Rows%1000 == 0 {
			fmt.Fprintf(a.Progress, "import-products: %d rows\n", res.Rows)
		}
	}
	a.printf("%d rows: %d created, %d updated, %d unchanged, %d conflicts, %d invalid\n",
		res.Rows, res.Created, res.Updated, res.Unchanged, res.Conflicts, res.Invalid)
	return res, nil
}

func (a *App) validate(c *catalog.Compiled, r catalog.Record) error {
	if r.Status == catalog.StatusDraft {
		return c.ValidateDraft(r)
	}
	return c.Validate(r)
}

func problems(ps []contract.Problem) string {
	var b bytes.Buffer
	for i, p := range ps {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(p.String())
	}
	return b.String()
}

// saveProduct stores one product with optimistic concurrency; see
// ImportProducts.
func (a *App) saveProduct(ctx context.Context, c *catalog.Compiled, rec catalog.Record) (string, error) {
	want := int64(rec.Version)
	rec.Version = 0 // the version lives in its column, not in the body
	var body bytes.Buffer
	if err := c.EncodeJSON(&body, rec); err != nil {
		return "", err
	}
	sr := store.Record{Kind: string(catalog.TypeProduct), ID: rec.ID, Schema: ProductSchemaRef,
		Body: bytes.TrimSpace(body.Bytes()), UpdatedAt: a.Now().In(a.Location)}
	var outcome string
	err := a.DB.Tx(ctx, func(tx *store.Tx) error {
		cur, err := store.GetRecord(ctx, tx, sr.Kind, sr.ID)
		switch {
		case errors.Is(err, store.ErrNotFound):
			if want != 0 {
				return &store.ConflictError{Kind: sr.Kind, ID: sr.ID, Want: want, Have: 0}
			}
			_, err = store.CreateRecord(ctx, tx, sr)
			outcome = "created"
			return err
		case err != nil:
			return err
		case bytes.Equal(cur.Body, sr.Body) && cur.Schema == sr.Schema:
			outcome = "unchanged"
			return nil
		case want == 0:
			return &store.ConflictError{Kind: sr.Kind, ID: sr.ID, Want: 0, Have: cur.Version}
		}
		sr.Version = want
		_, err = store.UpdateRecord(ctx, tx, sr)
		outcome = "updated"
		return err
	})
	return outcome, err
}

// Product returns a stored product decoded with the host's schema, its
// Version set from the store.
func (a *App) Product(ctx context.Context, sku string) (catalog.Record, error) {
	c, err := ProductCatalog()
	if err != nil {
		return catalog.Record{}, err
	}
	sr, err := a.DB.Records().Get(ctx, string(catalog.TypeProduct), sku)
	if err != nil {
		return catalog.Record{}, err
	}
	if sr.Schema != ProductSchemaRef {
		return catalog.Record{}, fmt.Errorf("app: product %q was stored under schema %q, this host reads %q", sku, sr.Schema, ProductSchemaRef)
	}
	rec, err := c.DecodeJSON(bytes.NewReader(sr.Body))
	if err != nil {
		return catalog.Record{}, err
	}
	rec.Version = uint64(sr.Version)
	return rec, nil
}

// ExportProducts writes every stored product as CSV with its current
// version, ready to edit and import again.
func (a *App) ExportProducts(ctx context.Context, w io.Writer, opts catalog.CSVOptions) error {
	c, err := ProductCatalog()
	if err != nil {
		return err
	}
	recs, err := a.DB.Records().List(ctx, string(catalog.TypeProduct))
	if err != nil {
		return err
	}
	enc := c.NewCSVEncoder(w, opts)
	for _, sr := range recs {
		rec, err := c.DecodeJSON(bytes.NewReader(sr.Body))
		if err != nil {
			return fmt.Errorf("app: product %q: %w", sr.ID, err)
		}
		rec.Version = uint64(sr.Version)
		if err := enc.Encode(rec); err != nil {
			return err
		}
	}
	return enc.Flush()
}

// ShowProduct prints a stored product's current JSON and every version it
// has had, with when each was written.
func (a *App) ShowProduct(ctx context.Context, sku string) error {
	rec, err := a.DB.Records().Get(ctx, string(catalog.TypeProduct), sku)
	if err != nil {
		return err
	}
	hist, err := a.DB.Records().History(ctx, string(catalog.TypeProduct), sku)
	if err != nil {
		return err
	}
	a.printf("product %s, version %d, schema %s, written %s\n%s\n", rec.ID, rec.Version, rec.Schema,
		rec.UpdatedAt.In(a.Location).Format("2006-01-02T15:04:05Z07:00"), rec.Body)
	for _, h := range hist {
		a.printf("  version %d written %s\n", h.Version, h.UpdatedAt.In(a.Location).Format("2006-01-02T15:04:05Z07:00"))
	}
	return nil
}
