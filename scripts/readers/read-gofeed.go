// What gofeed (github.com/mmcdole/gofeed), the feed parser of Go programs, shows of each feed
// URL given as an argument, printed as JSON: one object per feed, with its items in order.
// Runs offline against Debian's golang-github-mmcdole-gofeed-dev, in GOPATH mode:
//
//	GOPATH=/usr/share/gocode GO111MODULE=off go run scripts/readers/read-gofeed.go URL...
package main

import (
	"encoding/json"
	"os"

	"github.com/mmcdole/gofeed"
)

type item struct {
	ID         string   `json:"id"`
	Title      string   `json:"title"`
	Link       string   `json:"link"`
	Published  *int64   `json:"published"`
	Authors    []string `json:"authors"`
	Categories []string `json:"categories"`
	Files      []file   `json:"files"`
	Content    string   `json:"content"`
}

// A file shown with an item: an enclosure (RSS, Atom, a JSON Feed attachment), a media:content
// (read from gofeed's extensions: its item has no field for it) or a JSON Feed image.
type file struct {
	URL    string `json:"url"`
	Type   string `json:"type"`
	Length string `json:"length"`
}

type feed struct {
	URL   string `json:"url"`
	Error string `json:"error,omitempty"`
	Items []item `json:"items"`
}

func read(url string) feed {
	parsed, err := gofeed.NewParser().ParseURL(url)
	if err != nil {
		return feed{URL: url, Error: err.Error(), Items: []item{}}
	}
	out := feed{URL: url, Items: []item{}}
	for _, i := range parsed.Items {
		shown := item{ID: i.GUID, Title: i.Title, Link: i.Link, Authors: []string{},
			Categories: []string{}, Files: []file{}, Content: i.Content}
		if shown.Content == "" {
			shown.Content = i.Description
		}
		if i.PublishedParsed != nil {
			seconds := i.PublishedParsed.Unix()
			shown.Published = &seconds
		}
		for _, a := range i.Authors {
			shown.Authors = append(shown.Authors, a.Name)
		}
		shown.Categories = append(shown.Categories, i.Categories...)
		for _, e := range i.Enclosures {
			shown.Files = append(shown.Files, file{e.URL, e.Type, e.Length})
		}
		for _, m := range i.Extensions["media"]["content"] {
			shown.Files = append(shown.Files, file{m.Attrs["url"], m.Attrs["type"], m.Attrs["fileSize"]})
		}
		if i.Image != nil {
			shown.Files = append(shown.Files, file{URL: i.Image.URL})
		}
		out.Items = append(out.Items, shown)
	}
	return out
}

func main() {
	feeds := []feed{}
	for _, url := range os.Args[1:] {
		feeds = append(feeds, read(url))
	}
	json.NewEncoder(os.Stdout).Encode(feeds)
}
