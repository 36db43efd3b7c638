package main

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"
	"github.com/signet-go/signet/framework/conditional"
)

// itemsAPI holds the handlers of the items API and what they share.
type itemsAPI struct {
	store *store
	now   func() time.Time
}

type listItemsInput struct {
	After int64 `query:"after" minimum:"0" doc:"Return items whose ID is greater than this: the last ID of the previous page, or 0 for the first page"`
	Limit int   `query:"limit" minimum:"1" maximum:"100" default:"20" doc:"Page size, at most 100"`
}

type listItemsOutput struct {
	Body ItemPage
}

func (api *itemsAPI) listItems(_ context.Context, in *listItemsInput) (*listItemsOutput, error) {
	items, more := api.store.list(in.After, in.Limit)
	page := ItemPage{Items: items}
	if more {
		next := url.Values{
			"after": {strconv.FormatInt(items[len(items)-1].ID, 10)},
			"limit": {strconv.Itoa(in.Limit)},
		}
		page.Next = "/items?" + next.Encode()
	}
	return &listItemsOutput{Body: page}, nil
}

type createItemInput struct {
	Body ItemDraft
}

type createItemOutput struct {
	Location     string    `header:"Location" doc:"URL of the new item"`
	ETag         string    `header:"ETag" doc:"Entity tag of the new item, for If-Match when replacing it"`
	LastModified time.Time `header:"Last-Modified" doc:"When the item was created"`
	Body         Item
}

func (api *itemsAPI) createItem(_ context.Context, in *createItemInput) (*createItemOutput, error) {
	item, err := api.store.create(in.Body, api.now())
	if errors.Is(err, errNameTaken) {
		return nil, nameTaken(in.Body.Name)
	}
	if err != nil {
		return nil, err
	}
	return &createItemOutput{
		Location:     fmt.Sprintf("/items/%d", item.ID),
		ETag:         item.validators().ETag.String(),
		LastModified: item.UpdatedAt,
		Body:         item.Item,
	}, nil
}

// ItemPath is the path parameter of /items/{id}. It is embedded in inputs,
// so it must be exported: Huma does not see fields of unexported embedded
// structs.
type ItemPath struct {
	ID int64 `path:"id" minimum:"1" doc:"Item identifier" example:"1"`
}

type getItemInput struct {
	ItemPath
	conditional.Params
}

type getItemOutput struct {
	// Status is 0 for the operation's 200, or 304 Not Modified.
	Status       int
	ETag         string    `header:"ETag" doc:"Entity tag of this version of the item"`
	LastModified time.Time `header:"Last-Modified" doc:"When the item was last changed"`
	CacheControl string    `header:"Cache-Control" doc:"no-cache: a cache may keep the item but must revalidate it (If-None-Match) before each use"`
	Body         Item
}

func (api *itemsAPI) getItem(_ context.Context, in *getItemInput) (*getItemOutput, error) {
	item, ok := api.store.get(in.ID)
	if !ok {
		return nil, notFound(in.ID)
	}
	v := item.validators()
	out := &getItemOutput{ETag: v.ETag.String(), LastModified: v.LastModified, CacheControl: "no-cache"}
	switch in.Evaluate(http.MethodGet, v) {
	case conditional.NotModified:
		out.Status = http.StatusNotModified
		return out, nil
	case conditional.PreconditionFailed:
		return nil, preconditionFailed(in.ID)
	}
	out.Body = item.Item
	return out, nil
}

type replaceItemInput struct {
	ItemPath
	conditional.Params
	Body ItemDraft
}

type replaceItemOutput struct {
	ETag         string    `header:"ETag" doc:"Entity tag of the new version"`
	LastModified time.Time `header:"Last-Modified" doc:"When the item was replaced"`
	Body         Item
}

func (api *itemsAPI) replaceItem(_ context.Context, in *replaceItemInput) (*replaceItemOutput, error) {
	item, err := api.store.replace(in.ID, in.Body, api.now(), func(current storedItem) error {
		if in.IfMatch == "" {
			return huma.Error428PreconditionRequired(
				"replacing an item requires If-Match: GET the item, then send its ETag in If-Match so that a concurrent change is not overwritten")
		}
		if in.Evaluate(http.MethodPut, current.validators()) != conditional.Proceed {
			return preconditionFailed(in.ID)
		}
		return nil
	})
	switch {
	case errors.Is(err, errNotFound):
		return nil, notFound(in.ID)
	case errors.Is(err, errNameTaken):
		return nil, nameTaken(in.Body.Name)
	case err != nil:
		return nil, err
	}
	return &replaceItemOutput{ETag: item.validators().ETag.String(), LastModified: item.UpdatedAt, Body: item.Item}, nil
}

type deleteItemInput struct {
	ItemPath
	conditional.Params
}

func (api *itemsAPI) deleteItem(_ context.Context, in *deleteItemInput) (*struct{}, error) {
	err := api.store.delete(in.ID, func(current storedItem) error {
		if in.Evaluate(http.MethodDelete, current.validators()) != conditional.Proceed {
			return preconditionFailed(in.ID)
		}
		return nil
	})
	if errors.Is(err, errNotFound) {
		return nil, notFound(in.ID)
	}
	return nil, err
}

func notFound(id int64) error {
	return huma.Error404NotFound(fmt.Sprintf("no item has the ID %d", id))
}

func nameTaken(name string) error {
	return huma.Error409Conflict(fmt.Sprintf("an item named %q already exists; choose another name", name))
}

func preconditionFailed(id int64) error {
	return huma.Error412PreconditionFailed(fmt.Sprintf(
		"item %d has changed since you read it (or does not match your preconditions): GET it again and retry with its current ETag", id))
}
