// Command items serves a small items API built with Signet:
//
//	go run ./examples/items            # http://localhost:8080, docs at /docs
//	go run ./examples/items --help
package main

func main() {
	newApp(newStore()).Run()
}
