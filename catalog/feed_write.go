package catalog

import (
	"bufio"
	"encoding/xml"
	"io"
	"slices"
	"strings"
)

// WriteTSV writes the feed as Google's tab-separated text: a header of
// the attributes that any item has, in the order of Google's
// specification (id, title, description, link, image_link, ...), then
// one line per item. Repeated attributes (additional_image_link) are
// joined with commas; tabs and line breaks inside values become spaces.
// Products left out are in the report (see [Feed.Items]); the error is
// only the writer's.
func (f *Feed) WriteTSV(w io.Writer, products []Record, groups []ProductGroup) (FeedReport, error) {
	if f == nil || f.c == nil {
		return FeedReport{}, errNotCreated
	}
	if f == nil || f.c == nil {
		return FeedReport{}, errNotCreated
	}
	items, rep := f.Items(products, groups)
	if w == nil {
		return rep, errNilWriter
	}
	cols := usedColumns(items)
	bw := bufio.NewWriter(w)
	writeLine(bw, cols)
	cells := make([]string, len(cols))
	for _, it := range items {
		for i := range cells {
			cells[i] = ""
		}
		for _, a := range it.Attributes {
			i := slices.Index(cols, a.Name)
			v := feedClean(a.Value)
			if a.Name == "additional_image_link" {
				v = strings.ReplaceAll(v, ",", "%2C")
			}
			if cells[i] != "" {
				cells[i] += ","
			}
			cells[i] += v
		}
		writeLine(bw, cells)
	}
	return rep, bw.Flush()
}

// usedColumns returns the attributes any item has, in feedColumns order,
// with the always-required ones first.
func usedColumns(items []FeedItem) []string {
	used := map[string]bool{}
	for _, a := range FeedRequired {
		used[a] = true
	}
	for _, it := range items {
		for _, a := range it.Attributes {
			used[a.Name] = true
		}
	}
	var cols []string
	for _, c := range feedColumns {
		if used[c] {
			cols = append(cols, c)
		}
	}
	return cols
}

// GoogleNamespace is the XML namespace of Google's product attributes,
// bound to the prefix g in an RSS feed.
const GoogleNamespace = "http://base.google.com/ns/1.0"

// WriteXML writes the feed as RSS 2.0 with Google's g: namespace, which
// Merchant Center reads: an rss element declaring xmlns:g, a channel with
// the options' Title, Link and Description, and one item per product
// whose attributes are g: elements in specification order
// (<g:id>SHIRT-1</g:id><g:title>...</g:title>), a repeated attribute as
// repeated elements. Text is escaped by encoding/xml; characters XML 1.0
// cannot carry become U+FFFD. Products left out are in the report; the
// error is only the writer's.
func (f *Feed) WriteXML(w io.Writer, products []Record, groups []ProductGroup) (FeedReport, error) {
	items, rep := f.Items(products, groups)
	if w == nil {
		return rep, errNilWriter
	}
	bw := bufio.NewWriter(w)
	bw.WriteString(xml.Header)
	e := xml.NewEncoder(bw)
	e.Indent("", "  ")
	start := func(name string, attrs ...xml.Attr) xml.StartElement {
		return xml.StartElement{Name: xml.Name{Local: name}, Attr: attrs}
	}
	rss := start("rss", xml.Attr{Name: xml.Name{Local: "version"}, Value: "2.0"},
		xml.Attr{Name: xml.Name{Local: "xmlns:g"}, Value: GoogleNamespace})
	ch := start("channel")
	text := func(name, v string) {
		s := start(name)
		_ = e.EncodeToken(s)
		_ = e.EncodeToken(xml.CharData(v))
		_ = e.EncodeToken(s.End())
	}
	_ = e.EncodeToken(rss)
	_ = e.EncodeToken(ch)
	text("title", f.opts.Title)
	text("link", f.opts.Link)
	text("description", f.opts.Description)
	for _, it := range items {
		item := start("item")
		_ = e.EncodeToken(item)
		for _, a := range it.Attributes {
			text("g:"+a.Name, a.Value)
		}
		_ = e.EncodeToken(item.End())
	}
	_ = e.EncodeToken(ch.End())
	_ = e.EncodeToken(rss.End())
	if err := e.Flush(); err != nil {
		return rep, err
	}
	bw.WriteByte('\n')
	return rep, bw.Flush()
}
