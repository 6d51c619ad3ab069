// Package tcf decodes and encodes IAB TCF v2 TC strings.
package tcf
