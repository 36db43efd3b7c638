package weight_test

import (
	"bytes"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/signet-go/signet/checks/internal/oascheck"
)

// signetMain is the hello-world program written with Signet, as its README
// shows: one operation, run by cli.Run (serve --addr ADDR).
const signetMain = `package main

import (
	"context"

	"github.com/signet-go/signet/framework"
	"github.com/signet-go/signet/framework/cli"
)

type GreetingOutput struct {
	Body struct {
		Message string ` + "`json:\"message\"`" + `
	}
}

func main() {
	app := framework.New(framework.Config{Title: "Greeting API", Version: "1.0.0"})
	framework.Get(app, "/greeting/{name}", func(ctx context.Context, in *struct {
		Name string ` + "`path:\"name\" maxLength:\"30\"`" + `
	}) (*GreetingOutput, error) {
		out := &GreetingOutput{}
		out.Body.Message = "Hello, " + in.Name + "!"
		return out, nil
	})
	cli.Run(app)
}
`

// humaMain is the same program written with Huma and humachi, as Huma's
// tutorial shows, serving on the address given as its last argument.
const humaMain = `package main

import (
	"context"
	"log"
	"net/http"
	"os"

	"github.com/danielgtaylor/huma/v2"
	"github.com/danielgtaylor/huma/v2/adapters/humachi"
	"github.com/go-chi/chi/v5"
)

type GreetingOutput struct {
	Body struct {
		Message string ` + "`json:\"message\"`" + `
	}
}

func main() {
	router := chi.NewMux()
	api := humachi.New(router, huma.DefaultConfig("Greeting API", "1.0.0"))
	huma.Get(api, "/greeting/{name}", func(ctx context.Context, in *struct {
		Name string ` + "`path:\"name\" maxLength:\"30\"`" + `
	}) (*GreetingOutput, error) {
		out := &GreetingOutput{}
		out.Body.Message = "Hello, " + in.Name + "!"
		return out, nil
	})
	log.Fatal(http.ListenAndServe(os.Args[len(os.Args)-1], router))
}
`

// buildFlags are the flags both programs are built with.
var buildFlags = []string{"build", "-trimpath"}

// program is one of the two hello-world programs, built.
type program struct {
	name   string
	module string // directory of its throwaway module
	bin    string
	// serveArgs are the arguments that make it serve on an address,
	// which follows them.
	serveArgs []string
}

var (
	workDir            string // removed when the tests end
	buildOnce          sync.Once
	signetApp, humaApp program
	buildErr           error
)

func TestMain(m *testing.M) {
	dir, err := os.MkdirTemp("", "signet-weight-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	workDir = dir
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

// programs builds the two programs once per test run, each in its own
// throwaway module: Signet's requires only Signet (replaced by this
// repository), Huma's only the Huma and chi versions Signet's build selects.
func programs(t *testing.T) (signet, huma program) {
	t.Helper()
	buildOnce.Do(func() { signetApp, humaApp, buildErr = buildPrograms() })
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return signetApp, humaApp
}

func buildPrograms() (signet, huma program, err error) {
	repo, err := oascheck.RepoRoot()
	if err != nil {
		return signet, huma, err
	}
	dir := workDir
	signet = program{name: "Signet", module: filepath.Join(dir, "signetapp"), bin: filepath.Join(dir, "signetapp", "app"), serveArgs: []string{"serve", "--addr"}}
	huma = program{name: "Huma + humachi", module: filepath.Join(dir, "humaapp"), bin: filepath.Join(dir, "humaapp", "app")}

	if err := writeModule(signet.module, signetMain, "require github.com/signet-go/signet v0.0.0\n\nreplace github.com/signet-go/signet => "+repo+"\n"); err != nil {
		return signet, huma, err
	}
	if _, err := goCmd(signet.module, "mod", "tidy"); err != nil {
		return signet, huma, err
	}
	versions, err := goCmd(signet.module, "list", "-m", "-f", "{{.Path}} {{.Version}}", "github.com/danielgtaylor/huma/v2", "github.com/go-chi/chi/v5")
	if err != nil {
		return signet, huma, err
	}
	if err := writeModule(huma.module, humaMain, "require (\n"+versions+")\n"); err != nil {
		return signet, huma, err
	}
	if _, err := goCmd(huma.module, "mod", "tidy"); err != nil {
		return signet, huma, err
	}
	for _, p := range []program{signet, huma} {
		if _, err := goCmd(p.module, append(buildFlags, "-o", p.bin, ".")...); err != nil {
			return signet, huma, err
		}
	}
	return signet, huma, nil
}

// writeModule writes a module example.com/app with main.go and the given
// go.mod directives.
func writeModule(dir, main, directives string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	goMod := "module example.com/app\n\ngo 1.25.0\n\n" + directives
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(goMod), 0o644); err != nil {
		return err
	}
	return os.WriteFile(filepath.Join(dir, "main.go"), []byte(main), 0o644)
}

// goCmd runs the go command in dir, outside any workspace, and returns its
// standard output. Only go mod tidy, run explicitly, changes a go.mod.
func goCmd(dir string, args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=readonly")
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return "", fmt.Errorf("go %s in %s: %v\n%s", strings.Join(args, " "), dir, err, stderr.Bytes())
	}
	return stdout.String(), nil
}
