package catalog

// AttributeGroup groups fields for display and for permissions (Akeneo's
// attribute group), e.g. "marketing" with the name and description. Each
// field belongs to at most one group; SortOrder orders groups on a
// product form, lowest first, equal orders by code.
//
// Its JSON is {"code":"marketing","sort_order":1,"attributes":["name"],"labels":[..]}.
type AttributeGroup struct {
	Code       string   `json:"code" validate:"required,max=100"`
	SortOrder  int      `json:"sort_order,omitzero" validate:"gte=0"`
	Attributes []string `json:"attributes,omitzero" validate:"dive,required"`
	Labels     Labels   `json:"labels,omitzero"`
}
