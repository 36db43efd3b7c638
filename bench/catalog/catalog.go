// Package catalog is the API every contender implements, and the data it
// serves. The handlers do no storage work: they look items up in a fixed,
// read-only catalog and build the same responses, so that what is measured
// is the framework's cost, not the handler's.
//
// The API:
//
//	GET    /items?limit=N          a page of N items (1-100, default 20)
//	GET    /items/{id}?currency=C  one item (id >= 1; C is EUR (default) or USD),
//	                               with an ETag; If-None-Match: that ETag -> 304
//	POST   /items                  a validated draft -> 201, Location, the item
//	DELETE /items/{id}             204
//	GET    /openapi.json           the OpenAPI document
//
// Validation failures answer 422, a malformed body 400, an unknown item 404.
package catalog

import (
	"strconv"
)

// Size is the number of items in the catalog: IDs 1 to Size.
const Size = 1000

// CreatedID is the ID a created item gets.
const CreatedID = Size + 1

// Item is an item as the API sends it.
type Item struct {
	ID       int64    `json:"id"`
	Name     string   `json:"name"`
	Price    float64  `json:"price"`
	Currency string   `json:"currency"`
	Tags     []string `json:"tags"`
}

// Page is a list of items.
type Page struct {
	Items []Item `json:"items"`
}

// Rules of a draft, which every contender enforces.
const (
	NameMinLength = 1
	NameMaxLength = 100
	PriceMaximum  = 1_000_000
	TagsMaxItems  = 8
)

var items = build()

func build() []Item {
	all := make([]Item, Size)
	for i := range all {
		id := int64(i + 1)
		all[i] = Item{
			ID:       id,
			Name:     "Widget " + strconv.FormatInt(id, 10),
			Price:    float64(id%97) + 0.99,
			Currency: "EUR",
			Tags:     []string{"blue", "small"},
		}
	}
	return all
}

// Get returns the item with id, priced in currency ("EUR" or "USD").
func Get(id int64, currency string) (Item, bool) {
	if id < 1 || id > Size {
		return Item{}, false
	}
	item := items[id-1]
	if currency == "USD" {
		item.Price = float64(int64(item.Price*110)) / 100
		item.Currency = "USD"
	}
	return item, true
}

// Exists reports whether id is in the catalog.
func Exists(id int64) bool { return id >= 1 && id <= Size }

// List returns the first limit items.
func List(limit int) Page {
	return Page{Items: items[:limit]}
}

// ETag is the strong entity tag of item id (its quoted form).
func ETag(id int64) string {
	return `"v1-` + strconv.FormatInt(id, 10) + `"`
}

// Create returns the item a valid draft becomes.
func Create(name string, price float64, tagList []string) Item {
	if tagList == nil {
		tagList = []string{}
	}
	return Item{ID: CreatedID, Name: name, Price: price, Currency: "EUR", Tags: tagList}
}

// Location is the URL of item id.
func Location(id int64) string { return "/items/" + strconv.FormatInt(id, 10) }
