package akeneo

import (
	"errors"
	"testing"

	"github.com/pimkit/pimkit/contract"
)

// TestPatchJSON follows the rules and use cases of Akeneo's page on
// PATCH ("Update behavior"): each row is one of its examples.
func TestPatchJSON(t *testing.T) {
	boots := `{"code":"boots","parent":"master","labels":{"en_US":"Boots","fr_FR":"Bottes"}}`
	product := `{"identifier":"boots-4846","categories":["shoes","boots"]}`
	mug := `{"identifier":"boots-4846","values":{"name":[{"locale":"en_US","scope":null,"data":"Incredible mug"}],"short_description":[{"locale":"en_US","scope":null,"data":"This mug is a must-have!"}]}}`
	for _, tc := range []struct{ name, doc, patch, want string }{
		{"rule 1: an object merges", boots, `{"labels":{"de_DE":"Stiefel"}}`,
			`{"code":"boots","labels":{"de_DE":"Stiefel","en_US":"Boots","fr_FR":"Bottes"},"parent":"master"}`},
		{"rule 2: a scalar replaces (move a category)", boots, `{"parent":"shoes"}`,
			`{"code":"boots","labels":{"en_US":"Boots","fr_FR":"Bottes"},"parent":"shoes"}`},
		{"rule 2: an array replaces (remove from a category)", product, `{"categories":["boots"]}`,
			`{"categories":["boots"],"identifier":"boots-4846"}`},
		{"modify a category label", boots, `{"labels":{"fr_FR":"Bottines"}}`,
			`{"code":"boots","labels":{"en_US":"Boots","fr_FR":"Bottines"},"parent":"master"}`},
		{"rule 4: other keys are untouched", boots, `{}`, `{"code":"boots","labels":{"en_US":"Boots","fr_FR":"Bottes"},"parent":"master"}`},
		{"add a product value", mug, `{"values":{"name":[{"locale":"fr_FR","scope":null,"data":"Tasse extraordinaire"}]}}`,
			`{"identifier":"boots-4846","values":{"name":[{"data":"Incredible mug","locale":"en_US","scope":null},{"data":"Tasse extraordinaire","locale":"fr_FR","scope":null}],"short_description":[{"data":"This mug is a must-have!","locale":"en_US","scope":null}]}}`},
		{"modify a product value", mug, `{"values":{"name":[{"locale":"en_US","scope":null,"data":"Amazing mug"}]}}`,
			`{"identifier":"boots-4846","values":{"name":[{"data":"Amazing mug","locale":"en_US","scope":null}],"short_description":[{"data":"This mug is a must-have!","locale":"en_US","scope":null}]}}`},
		{"erase a product value", mug, `{"values":{"name":[{"locale":"en_US","scope":null,"data":null}]}}`,
			`{"identifier":"boots-4846","values":{"name":[{"data":null,"locale":"en_US","scope":null}],"short_description":[{"data":"This mug is a must-have!","locale":"en_US","scope":null}]}}`},
	} {
		got, err := PatchJSON([]byte(tc.doc), []byte(tc.patch))
		if err != nil || string(got) != tc.want {
			t.Errorf("%s:\n got  %s %v\n want %s", tc.name, got, err, tc.want)
		}
	}
	// Rule 3: a null for an object is refused, and nothing changes.
	_, err := PatchJSON([]byte(boots), []byte(`{"labels":null}`))
	var ve *contract.ValidationError
	if !errors.As(err, &ve) || !ve.Has("labels", RuleType) || !errors.Is(err, ErrInvalid) {
		t.Errorf("null labels: %v", err)
	}
	if _, err := PatchJSON([]byte(boots), []byte(`[1]`)); !errors.Is(err, ErrSyntax) {
		t.Errorf("array body: %v", err)
	}
}
