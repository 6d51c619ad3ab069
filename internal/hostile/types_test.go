package hostile

import "reflect"

// pkg is one library package as the manifest lists it.
type pkg struct {
	path    string
	funcs   []fn
	types   []reflect.Type
	generic []string // generic functions and types, not called: listed so the log says so
}

// fn is one exported function.
type fn struct {
	name string
	f    any
}
