package main

import (
	"strconv"
	"time"

	"github.com/signet-go/signet/framework/conditional"
)

// Book is a book as the API returns it.
type Book struct {
	ID        int64     `json:"id" doc:"Identifier assigned by the server" example:"1"`
	Title     string    `json:"title" doc:"Title" example:"The Left Hand of Darkness"`
	Author    string    `json:"author" doc:"Author, as printed on the cover" example:"Ursula K. Le Guin"`
	Genre     string    `json:"genre,omitempty" enum:"fiction,nonfiction,poetry,children" doc:"Genre; absent when none was given" example:"fiction"`
	Year      int       `json:"year,omitempty" doc:"Year of first publication; absent when unknown" example:"1969"`
	Cover     *Cover    `json:"cover,omitempty" doc:"The cover image; absent until one is uploaded"`
	CreatedAt time.Time `json:"createdAt" doc:"When the book was added (UTC)"`
	UpdatedAt time.Time `json:"updatedAt" doc:"When the book was added or last changed (UTC)"`
}

// Cover describes a book's cover image.
type Cover struct {
	MediaType string `json:"mediaType" enum:"image/png,image/jpeg" doc:"Media type of the image, as its bytes show"`
	Size      int64  `json:"size" minimum:"1" doc:"Size of the image in bytes"`
	SHA256    string `json:"sha256" pattern:"^[0-9a-f]{64}$" doc:"SHA-256 digest of the image, in hexadecimal: compare it with your file's to check the upload"`
}

// NewBook is what a client sends to add a book.
type NewBook struct {
	Title  string `json:"title" minLength:"1" maxLength:"200" doc:"Title" example:"The Left Hand of Darkness"`
	Author string `json:"author" minLength:"1" maxLength:"100" doc:"Author, as printed on the cover" example:"Ursula K. Le Guin"`
	Genre  string `json:"genre,omitempty" enum:"fiction,nonfiction,poetry,children" doc:"Genre, if any" example:"fiction"`
	Year   int    `json:"year,omitempty" minimum:"1450" maximum:"2100" doc:"Year of first publication, if known: a printed book, from 1450 on" example:"1969"`
}

// BookPage is one page of the book list.
type BookPage struct {
	Books []Book `json:"books" doc:"Books in ascending ID order"`
	Next  string `json:"next,omitempty" doc:"URL of the next page, with the same filters; absent on the last page" example:"/v1/books?after=20&limit=20"`
}

// storedBook is a book with the version the store counts its changes by.
type storedBook struct {
	Book
	version int64
}

// validators are what conditional requests compare against: a strong
// ETag that changes with every version, and the time of the last change.
func (b storedBook) validators() conditional.Validators {
	return conditional.Validators{
		ETag:         conditional.StrongETag(strconv.FormatInt(b.version, 10)),
		LastModified: b.UpdatedAt,
	}
}
