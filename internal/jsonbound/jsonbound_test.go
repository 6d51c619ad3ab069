package jsonbound

import (
	"strings"
	"testing"
)

func TestPrice(t *testing.T) {
	c := Cost{Heavy: 100, Light: 10, Member: 1}
	for _, tc := range []struct {
		in   string
		want int
	}{
		{`{}`, 4},
		{`[{},{},1,"a,{"]`, 2*15 + 200 + 20},
		{`{"a":[null],"b":2}`, 2*18 + 2 + 100},
	} {
		if got := c.Price([]byte(tc.in)); got != tc.want {
			t.Errorf("Price(%s) = %d, want %d", tc.in, got, tc.want)
		}
	}
}

func TestMeter(t *testing.T) {
	c := Cost{Heavy: 100, Light: 10, Member: 1}
	dense := "[" + strings.Repeat("{},", 2000) + "{}]"
	sparse := `{"a":"` + strings.Repeat("x", 100) + `"}`
	stream := sparse + "\n" + sparse + "\n" + dense + "\n" + sparse
	for _, step := range []int{1, 7, 512, len(stream)} {
		m := Meter{Cost: c}
		at := -1
		for i := 0; i < len(stream); i += step {
			if m.Feed([]byte(stream[i:min(i+step, len(stream))])) && at < 0 {
				at = i
			}
		}
		if at < 0 || at > 2*len(sparse)+2+len(dense)+2 || at+step < 2*len(sparse)+2+len(dense) {
			t.Errorf("step %d: dense value reported at %d", step, at)
		}
	}
	m := Meter{Cost: c}
	if m.Feed([]byte(sparse + sparse + sparse)) {
		t.Error("sparse values reported dense")
	}
}
