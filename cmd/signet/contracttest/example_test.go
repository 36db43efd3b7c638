package contracttest_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/signet-go/signet/cmd/signet/contracttest"
	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/openapi"
)

// printingT stands in for the *testing.T of a real test, so that the
// example can show what Check reports. It prints failures with the
// example's temporary directory left out of the paths.
type printingT struct {
	testing.TB
	dir string
}

func (printingT) Helper()      {}
func (printingT) Name() string { return "TestContract" }
func (p printingT) Errorf(format string, args ...any) {
	fmt.Println(strings.ReplaceAll(fmt.Sprintf(format, args...), p.dir+string(os.PathSeparator), ""))
}
func (printingT) Logf(format string, args ...any) {}

type item struct {
	ID   int    `path:"id"`
	Name string `json:"name"`
}

// newApp is the items API; without delete, the version that drops it.
func newApp(delete bool) *framework.App {
	app := framework.New(framework.Config{Title: "Items API", Version: "1.0.0"})
	framework.Get(app, "/items/{id}", func(ctx context.Context, in *struct {
		ID int `path:"id"`
	}) (*struct{ Body item }, error) {
		return &struct{ Body item }{Body: item{ID: in.ID}}, nil
	})
	if delete {
		framework.Delete(app, "/items/{id}", func(ctx context.Context, in *struct {
			ID int `path:"id"`
		}) (*struct{}, error) {
			return &struct{}{}, nil
		})
	}
	return app
}

// The contract is the document committed when clients were built; a
// version of the App that drops an operation fails the test. In a real
// test, the whole of it is one line:
//
//	func TestContract(t *testing.T) {
//		contracttest.Check(t, newApp(), "openapi.json")
//	}
func ExampleCheck() {
	dir, err := os.MkdirTemp("", "contract")
	if err != nil {
		panic(err)
	}
	defer os.RemoveAll(dir)
	committed, err := openapi.Render(newApp(true).OpenAPI(), openapi.Options{})
	if err != nil {
		panic(err)
	}
	path := filepath.Join(dir, "openapi.json")
	if err := os.WriteFile(path, committed, 0o644); err != nil {
		panic(err)
	}

	t := printingT{dir: dir}
	contracttest.Check(t, newApp(true), path)  // the same API: passes
	contracttest.Check(t, newApp(false), path) // DELETE removed: fails
	// Output:
	// contracttest: the App breaks the contract in openapi.json (1 breaking change, 0 warnings, 1 info change):
	//     breaking: DELETE /items/{id}: API removed without deprecation [api-removed-without-deprecation]
	//     info: a breaking change was detected but the version is still `1.0.0` [api-version-not-bumped]
	// Clients built against openapi.json may fail against this App. Restore what they rely on or, if the break is intended (a new major version), accept it by updating the file:
	//     SIGNET_UPDATE_CONTRACT=1 go test -run '^TestContract$' ./contracttest
}
