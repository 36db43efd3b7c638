package main

import (
	"strconv"
	"time"

	"github.com/signet-go/signet/framework/conditional"
)

// Item is an item as the API returns it.
type Item struct {
	ID        int64     `json:"id" doc:"Identifier assigned by the server" example:"1"`
	Name      string    `json:"name" doc:"Display name, unique among items regardless of case" example:"Teapot"`
	Price     float64   `json:"price" doc:"Price in euros" example:"12.5"`
	Tags      []string  `json:"tags,omitempty" doc:"Free-form labels"`
	CreatedAt time.Time `json:"createdAt" doc:"When the item was created (UTC)"`
	UpdatedAt time.Time `json:"updatedAt" doc:"When the item was last created or replaced (UTC)"`
}

// ItemDraft is what a client sends to create or replace an item.
type ItemDraft struct {
	Name  string   `json:"name" minLength:"1" maxLength:"100" doc:"Display name, unique among items regardless of case" example:"Teapot"`
	Price float64  `json:"price" minimum:"0" doc:"Price in euros" example:"12.5"`
	Tags  []string `json:"tags,omitempty" maxItems:"10" doc:"Free-form labels"`
}

// ItemPage is one page of the item list.
type ItemPage struct {
	Items []Item `json:"items" doc:"Items in ascending ID order"`
	Next  string `json:"next,omitempty" doc:"URL of the next page; absent on the last page" example:"/items?after=20&limit=20"`
}

// storedItem is an item with the version the store counts its changes by.
type storedItem struct {
	Item
	version int64
}

// validators are what conditional requests compare against: a strong
// ETag that changes with every version, and the time of the last change.
func (s storedItem) validators() conditional.Validators {
	return conditional.Validators{
		ETag:         conditional.StrongETag(strconv.FormatInt(s.version, 10)),
		LastModified: s.UpdatedAt,
	}
}
