package toml_test

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed02375186/toml"
)

// captured keeps the node it is given and the text it read then.
type captured struct {
	node toml.Value
	text string
}

func (c *captured) UnmarshalTOML(v toml.Value) error {
	c.node, c.text = v, v.Str()
	return nil
}

// TestUnmarshalKeepsNothingOfTheInput decodes, overwrites the input, and
// checks that no decoded string, key or kept node changed with it:
// Unmarshal reads the caller's bytes in place. The documents are padded
// past the size from which it does.
func TestUnmarshalKeepsNothingOfTheInput(t *testing.T) {
	padding := "# " + strings.Repeat("padding ", 70<<10/8) + "\n"
	// Strings past a kilobyte are copied on their own, not into a block.
	long := strings.Repeat("long ", 300)
	src := padding + "long = '" + long + "'\n" + `name = "alpha"
list = ["beta", 'gamma', """delta"""]
esc = "tab\there"
[table]
"quoted key" = "epsilon"
[[items]]
id = "zeta"
[[items]]
id = "eta"
`
	type item struct{ ID string }
	type doc struct {
		Long  string
		Name  string
		List  []string
		Esc   string
		Table map[string]string
		Items []item
	}
	want := doc{
		Long: long, Name: "alpha", List: []string{"beta", "gamma", "delta"}, Esc: "tab\there",
		Table: map[string]string{"quoted key": "epsilon"},
		Items: []item{{"zeta"}, {"eta"}},
	}
	wantAny := map[string]any{
		"long": long, "name": "alpha", "list": []any{"beta", "gamma", "delta"}, "esc": "tab\there",
		"table": map[string]any{"quoted key": "epsilon"},
		"items": []any{map[string]any{"id": "zeta"}, map[string]any{"id": "eta"}},
	}
	overwrite := func(b []byte) {
		for i := range b {
			b[i] = 'X'
		}
	}

	data := []byte(src)
	var got doc
	if err := toml.Unmarshal(data, &got); err != nil {
		t.Fatal(err)
	}
	var gotAny map[string]any
	if err := toml.Unmarshal(data, &gotAny); err != nil {
		t.Fatal(err)
	}
	overwrite(data)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("struct changed with the input (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(wantAny, gotAny); diff != "" {
		t.Errorf("map changed with the input (-want +got):\n%s", diff)
	}

	// A node handed to an Unmarshaler, and what it read, outlive the input.
	data = []byte(padding + "before = 'one'\nkept = 'two'\nafter = 'three'\n")
	var withNode struct {
		Before string
		Kept   captured
		After  string
	}
	if err := toml.Unmarshal(data, &withNode); err != nil {
		t.Fatal(err)
	}
	overwrite(data)
	if withNode.Before != "one" || withNode.After != "three" || withNode.Kept.text != "two" || withNode.Kept.node.Str() != "two" {
		t.Errorf("after overwriting the input: before %q, after %q, kept %q / %q",
			withNode.Before, withNode.After, withNode.Kept.text, withNode.Kept.node.Str())
	}
}
