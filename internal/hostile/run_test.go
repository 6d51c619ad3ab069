package hostile

import (
	"context"
	"fmt"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
)

const (
	// hangAfter is how long a call may take before it counts as a hang.
	hangAfter = time.Second
	// allocLimit is the allocation above which a call counts as exploding.
	allocLimit = 256 << 20
	// childEnv names the one call a child process runs: a known hang is
	// run in a process of its own, whose exit ends the runaway goroutine.
	childEnv = "PIMKIT_HOSTILE_CALL"
)

// callable is one exported function or method; a method's receiver is its
// first parameter.
type callable struct {
	pkg      string // package path in the module, "privacy/tcf"
	name     string // "tcf.Decode", "sla.Ratio.Percent", "catalog.(*Compiled).WriteFeed"
	f        reflect.Value
	params   []reflect.Type
	variadic bool
}

// call is one planned call.
type call struct {
	c      *callable
	args   []gen
	labels []string // the arguments' labels
	key    string   // the name and the labels: "sla.Ratio.Percent(sla.Ratio{}, MaxInt32)"
}

// result is what a call did.
type result struct {
	kind string // "ok", "panic", "hang" or "alloc"
	msg  string
	out  []reflect.Value
	took time.Duration
}

// callables lists every exported function of the manifest and every
// exported method of its types, value methods on the type, pointer
// methods on the pointer.
func callables() []*callable {
	var cs []*callable
	for _, p := range manifest {
		base := path.Base(p.path)
		for _, f := range p.funcs {
			cs = append(cs, newCallable(p.path, base+"."+f.name, reflect.ValueOf(f.f)))
		}
		for _, t := range p.types {
			if t.Kind() == reflect.Interface {
				continue // no receiver to call it on; its implementations are listed types
			}
			seen := map[string]bool{}
			for m := range t.Methods() {
				seen[m.Name] = true
				cs = append(cs, newCallable(p.path, t.String()+"."+m.Name, m.Func))
			}
			for m := range reflect.PointerTo(t).Methods() {
				if !seen[m.Name] {
					cs = append(cs, newCallable(p.path, "(*"+t.String()+")."+m.Name, m.Func))
				}
			}
		}
	}
	return cs
}

func newCallable(pkg, name string, f reflect.Value) *callable {
	c := &callable{pkg: pkg, name: name, f: f, variadic: f.Type().IsVariadic()}
	for i := range f.Type().NumIn() {
		c.params = append(c.params, f.Type().In(i))
	}
	return c
}

func newCall(c *callable, args []gen) call {
	labels := make([]string, len(args))
	for i, a := range args {
		labels[i] = a.label
	}
	if c.variadic {
		labels[len(labels)-1] += "..."
	}
	return call{c, args, labels, c.name + "(" + strings.Join(labels, ", ") + ")"}
}

// zeroCall is the call with every argument zero.
func zeroCall(c *callable) call {
	args := make([]gen, len(c.params))
	for i, p := range c.params {
		args[i] = valuesOf(p)[0]
	}
	return newCall(c, args)
}

// plan lists the calls of c besides the zero one: each parameter in turn
// at each of its values with the others zero; each pair of parameters at
// their first two extremes with the others zero; each parameter in turn
// at each of its values with the others at
// their first sample where a parameter has samples (values that other
// functions returned without error, so that a call gets past its
// validation); and every parameter at its first, then at its last extreme.
func plan(c *callable, samples map[reflect.Type][]gen) []call {
	n := len(c.params)
	vals := make([][]gen, n)
	sampled := false
	base0 := make([]gen, n)
	baseS := make([]gen, n)
	for i, p := range c.params {
		vals[i] = valuesOf(p)
		base0[i] = vals[i][0]
		baseS[i] = vals[i][0]
		if s := samples[p]; len(s) > 0 {
			baseS[i] = s[0]
			sampled = true
		}
	}
	seen := map[string]bool{zeroCall(c).key: true}
	var calls []call
	add := func(args []gen) {
		k := newCall(c, args)
		if !seen[k.key] {
			seen[k.key] = true
			calls = append(calls, k)
		}
	}
	vary := func(base []gen, withSamples bool) {
		for i := range n {
			vs := vals[i][1:]
			if withSamples {
				vs = append(slices.Clip(vs), samples[c.params[i]]...)
			}
			for _, v := range vs {
				args := slices.Clone(base)
				args[i] = v
				add(args)
			}
		}
	}
	vary(base0, true)
	// Pairs of small extremes, the others zero: a rate of -1 divides by
	// zero only when the two bases it converts between differ.
	for i := range n {
		for j := i + 1; j < n; j++ {
			for _, a := range vals[i][1:min(3, len(vals[i]))] {
				for _, b := range vals[j][1:min(3, len(vals[j]))] {
					args := slices.Clone(base0)
					args[i], args[j] = a, b
					add(args)
				}
			}
		}
	}
	if sampled {
		add(baseS)
		vary(baseS, false)
	}
	for _, last := range []bool{false, true} {
		args := make([]gen, n)
		for i := range n {
			args[i] = vals[i][min(1, len(vals[i])-1)]
			if last {
				args[i] = vals[i][len(vals[i])-1]
			}
		}
		add(args)
	}
	return calls
}

// run makes the call in a goroutine of its own under recover and waits
// at most hangAfter for it. A hung call's goroutine cannot be stopped; it
// runs on until the process ends.
func run(k call) result {
	args := make([]reflect.Value, len(k.args))
	for i, a := range k.args {
		args[i] = a.make()
	}
	done := make(chan result, 1)
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	go func() {
		defer func() {
			if r := recover(); r != nil {
				done <- result{kind: "panic", msg: short(fmt.Sprint(r)) + " at " + where(debug.Stack())}
			}
		}()
		var out []reflect.Value
		if k.c.variadic {
			out = k.c.f.CallSlice(args)
		} else {
			out = k.c.f.Call(args)
		}
		done <- result{kind: "ok", out: out}
	}()
	start := time.Now()
	timer := time.NewTimer(hangAfter)
	defer timer.Stop()
	select {
	case r := <-done:
		r.took = time.Since(start)
		runtime.ReadMemStats(&after)
		if a := after.TotalAlloc - before.TotalAlloc; a > allocLimit && r.kind == "ok" {
			return result{kind: "alloc", msg: fmt.Sprintf("allocated %d MB", a>>20), took: r.took}
		}
		return r
	case <-timer.C:
		return result{kind: "hang", msg: "no return within " + hangAfter.String()}
	}
}

func short(s string) string {
	if len(s) > 200 {
		return s[:200] + fmt.Sprintf("...(%d bytes)", len(s))
	}
	return s
}

// where returns the innermost frame of the library in a panic's stack,
// "catalog/price.go:42".
func where(stack []byte) string {
	lines := strings.Split(string(stack), "\n")
	start := 0
	for i, l := range lines {
		if strings.HasPrefix(l, "panic(") {
			start = i
			break
		}
	}
	root, _ := filepath.Abs("../..") // the module's directory: tests run in the package's
	for i := start; i+1 < len(lines); i++ {
		file := strings.TrimSpace(lines[i+1])
		if strings.HasPrefix(lines[i], "github.com/pimkit/pimkit/") && !strings.Contains(lines[i], "internal/hostile") {
			file = strings.TrimPrefix(file, root+string(filepath.Separator))
			if j := strings.LastIndex(file, " +0x"); j >= 0 {
				file = file[:j]
			}
			return file
		}
	}
	return "(outside the library)"
}

// harvest keeps the values a call returned without error as samples for
// later calls, at most two per type.
func harvest(samples map[reflect.Type][]gen, k call, r result) {
	if r.kind != "ok" || len(r.out) == 0 {
		return
	}
	errType := reflect.TypeFor[error]()
	if last := r.out[len(r.out)-1]; last.Type() == errType && !last.IsNil() {
		return
	}
	for i, v := range r.out {
		t := v.Type()
		if t == errType || v.IsZero() || len(samples[t]) >= 2 || !ours(t) {
			continue
		}
		label := "<" + k.c.name + ">"
		if len(r.out) > 1 {
			label = fmt.Sprintf("<%s#%d>", k.c.name, i)
		}
		if slices.ContainsFunc(samples[t], func(g gen) bool { return g.label == label }) {
			continue // the same function again, called on a sample
		}
		if t.Kind() == reflect.Interface {
			v = v.Elem() // the result's own value, offered where its interface is asked for
		}
		samples[t] = append(samples[t], gen{label, func() reflect.Value { return v }})
	}
}

// harvestAll collects samples in rounds: the zero calls first, then, for
// every function with a parameter that has samples, the call with each
// parameter at its first sample, until a round adds no sample type or
// after three rounds. A schema's preset thus feeds its compilation, and
// the compiled schema its codecs.
func harvestAll(cs []*callable, do func(call) result) map[reflect.Type][]gen {
	samples := map[reflect.Type][]gen{
		reflect.TypeFor[io.Writer](): {{"discard", func() reflect.Value { return reflect.ValueOf(io.Discard) }}},
	}
	for _, c := range cs {
		k := zeroCall(c)
		harvest(samples, k, do(k))
	}
	for range 2 {
		before := len(samples)
		for _, c := range cs {
			if k, ok := sampleCall(c, samples); ok {
				harvest(samples, k, do(k))
			}
		}
		if len(samples) == before {
			break
		}
	}
	return samples
}

// sampleCall is the call of c with every parameter that has samples at
// its first sample and the others zero; ok is false when no parameter
// has samples.
func sampleCall(c *callable, samples map[reflect.Type][]gen) (call, bool) {
	args := make([]gen, len(c.params))
	ok := false
	for i, p := range c.params {
		args[i] = valuesOf(p)[0]
		if s := samples[p]; len(s) > 0 {
			args[i] = s[0]
			ok = true
		}
	}
	return newCall(c, args), ok
}

// ours reports whether t is a type of the library, a pointer to one or a
// slice of one: the types whose values are worth offering as samples.
func ours(t reflect.Type) bool {
	for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
		t = t.Elem()
	}
	return strings.HasPrefix(t.PkgPath(), "github.com/pimkit/pimkit/")
}

type stats struct {
	funcs, calls                int
	panics, hangs, allocs, slow int
	known, must, nilRecv        int
}

func (s *stats) add(o *stats) {
	s.funcs += o.funcs
	s.calls += o.calls
	s.panics += o.panics
	s.hangs += o.hangs
	s.allocs += o.allocs
	s.slow += o.slow
	s.known += o.known
	s.must += o.must
	s.nilRecv += o.nilRecv
}

func (s *stats) String() string {
	return fmt.Sprintf("%d functions/methods called in %d calls: %d panics, %d hangs, %d over %d MB, %d slow (%d of these known defects; allowed: %d panics of Must functions, %d on nil receivers)",
		s.funcs, s.calls, s.panics, s.hangs, s.allocs, allocLimit>>20, s.slow, s.known, s.must, s.nilRecv)
}

// TestHostile makes every call the plan gives and fails on a panic, a
// hang or an allocation explosion that the known list does not name, and
// on a known entry that no longer fails.
func TestHostile(t *testing.T) {
	if raceEnabled {
		t.Skip("the one-second watchdog does not hold under the race detector; .ci/run runs this test without it")
	}
	if testing.Short() {
		t.Skip("makes some 6,600 calls, 15 to 40 s")
	}
	if key := os.Getenv(childEnv); key != "" {
		runOne(key)
	}
	began := time.Now()
	cs := callables()
	results := map[string]result{}
	var order []call
	// Calls to make in a child process of their own: the known hangs, and
	// the new ones, confirmed there away from the goroutines that hung
	// calls leave running here.
	var knownHangs, confirm []string
	do := func(k call) result {
		if r, ok := results[k.key]; ok {
			return r // made while harvesting
		}
		order = append(order, k)
		if _, kn, ok := knownFor(k); ok && kn.kind == "hang" {
			knownHangs = append(knownHangs, k.key)
			return result{kind: "hang"}
		}
		r := run(k)
		if r.kind == "hang" {
			confirm = append(confirm, k.key)
		}
		results[k.key] = r
		return r
	}
	samples := harvestAll(cs, do)
	var names []string
	for t, g := range samples {
		for _, v := range g {
			names = append(names, t.String()+"="+v.label)
		}
	}
	slices.Sort(names)
	t.Logf("hostile: %d samples harvested: %s", len(names), strings.Join(names, " "))
	for _, c := range cs {
		for _, k := range plan(c, samples) {
			do(k)
		}
	}
	for key, r := range runChildren(t, knownHangs, 3) {
		results[key] = r
	}
	for key, r := range runChildren(t, confirm, 1) {
		results[key] = r
	}
	report(t, cs, order, results)
	t.Logf("hostile: %d calls in %s", len(order), time.Since(began).Round(time.Millisecond))
}

// runOne is the child process: it makes the one call named key, prints
// what it did and exits, which ends the call's goroutine if it hangs.
func runOne(key string) {
	cs := callables()
	samples := map[reflect.Type][]gen{}
	if strings.Contains(key, "<") { // the call takes a sample: harvest as the parent did
		samples = harvestAll(cs, func(k call) result {
			if _, kn, ok := knownFor(k); ok && kn.kind == "hang" {
				return result{kind: "hang"}
			}
			return run(k)
		})
	}
	for _, c := range cs {
		if !strings.HasPrefix(key, c.name+"(") {
			continue
		}
		for _, k := range append([]call{zeroCall(c)}, plan(c, samples)...) {
			if k.key == key {
				r := run(k)
				fmt.Printf("hostile-child: %s\t%d\t%s\n", r.kind, r.took, r.msg)
				os.Exit(0)
			}
		}
	}
	fmt.Printf("hostile-child: missing\t0\tno such call\n")
	os.Exit(0)
}

// runChildren makes each call of keys in a child process, n at a time.
func runChildren(t *testing.T, keys []string, n int) map[string]result {
	out := make(map[string]result, len(keys))
	var mu sync.Mutex
	var wg sync.WaitGroup
	sem := make(chan struct{}, n)
	for _, key := range keys {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			r := runChild(t, key)
			mu.Lock()
			out[key] = r
			mu.Unlock()
		})
	}
	wg.Wait()
	return out
}

// runChild makes the call named key in a child process and reads back
// what it did.
func runChild(t *testing.T, key string) result {
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestHostile$", "-test.count=1")
	cmd.Env = append(os.Environ(), childEnv+"="+key)
	out, err := cmd.Output()
	for l := range strings.SplitSeq(string(out), "\n") {
		if rest, ok := strings.CutPrefix(l, "hostile-child: "); ok {
			f := strings.SplitN(rest, "\t", 3)
			if len(f) != 3 || f[0] == "missing" {
				t.Errorf("the child process did not find the call %s", key)
				break
			}
			took, _ := strconv.ParseInt(f[1], 10, 64)
			return result{kind: f[0], msg: f[2], took: time.Duration(took)}
		}
	}
	t.Errorf("the child process for %s gave no result (%v): %s", key, err, short(string(out)))
	return result{kind: "hang", msg: "child process failed"}
}

// report logs the counts per package and fails t for every call that
// fails unknown, and for every known entry that no longer fails.
func report(t *testing.T, cs []*callable, order []call, results map[string]result) {
	per := map[string]*stats{}
	var pkgs []string
	for _, c := range cs {
		if per[c.pkg] == nil {
			per[c.pkg] = &stats{}
			pkgs = append(pkgs, c.pkg)
		}
		per[c.pkg].funcs++
	}
	var fresh, slow []string
	stillFails := map[string]bool{}
	for _, k := range order {
		r := results[k.key]
		s := per[k.c.pkg]
		s.calls++
		pattern, kn, isKnown := knownFor(k)
		if isKnown && kn.kind == "hang" && r.kind == "ok" && r.took >= hangAfter/4 {
			// Known to hang, and still slow: the time a call takes varies
			// with the machine's load.
			s.slow++
			s.known++
			stillFails[pattern] = true
			continue
		}
		switch r.kind {
		case "ok":
			if r.took >= hangAfter/4 {
				s.slow++
				slow = append(slow, fmt.Sprintf("%s took %s", k.key, r.took.Round(time.Millisecond)))
			}
			continue
		case "panic":
			if _, ok := mustPanic[k.c.name]; ok {
				s.must++
				continue
			}
			if strings.HasPrefix(k.c.name, "(*") && k.labels[0] == "nil" {
				s.nilRecv++ // Go's convention, as (*time.Time).UnmarshalText(nil) panics
				continue
			}
			s.panics++
		case "hang":
			s.hangs++
		case "alloc":
			s.allocs++
		}
		switch {
		case isKnown && kn.kind == r.kind:
			s.known++
			stillFails[pattern] = true
		case isKnown:
			t.Errorf("%s: %s %s, but the known list says %s (%s)", k.key, r.kind, r.msg, kn.kind, kn.why)
		default:
			fresh = append(fresh, fmt.Sprintf("\t%q: {%q, \"TODO: the defect\"}, // %s", k.key, r.kind, r.msg))
		}
	}
	var total stats
	for _, p := range pkgs {
		t.Logf("hostile: %s: %s", p, per[p])
		total.add(per[p])
	}
	t.Logf("hostile: all: %s", &total)
	for _, p := range manifest {
		if len(p.generic) > 0 {
			t.Logf("hostile: %s: generic, not called: %s", p.path, strings.Join(p.generic, ", "))
		}
	}
	for _, l := range slow {
		t.Logf("hostile: slow (over %s, under %s): %s", hangAfter/4, hangAfter, l)
	}
	for _, p := range slices.Sorted(maps.Keys(known)) {
		if !stillFails[p] {
			t.Errorf("known %s %s no longer fails (%s): remove it from the known list", known[p].kind, p, known[p].why)
		}
	}
	for name := range mustPanic {
		if !slices.ContainsFunc(cs, func(c *callable) bool { return c.name == name }) {
			t.Errorf("%s is allowed to panic but no longer exists: remove it from mustPanic", name)
		}
	}
	if len(fresh) > 0 {
		slices.Sort(fresh)
		t.Errorf("%d calls panic, hang or allocate more than %d MB; fix them, or list them in known_test.go with the defect:\n%s",
			len(fresh), allocLimit>>20, strings.Join(fresh, "\n"))
	}
}
