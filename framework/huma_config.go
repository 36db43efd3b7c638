package framework

import (
	"fmt"
	"maps"
	"reflect"
	"slices"
	"strings"

	"github.com/danielgtaylor/huma/v2"
)

// startingConfig returns the huma.Config an App is built from, after its
// CreateHooks ran, and config with what it takes from that configuration
// (title, version, document and docs paths) filled in. It panics, saying
// what to change, for an option of Config.Huma that Signet cannot honour
// or that disagrees with the same setting in config.
//
// Without Config.Huma, the App starts from huma.DefaultConfig less its
// schema links, unless Config.SchemaLinks keeps them.
func startingConfig(config Config) (huma.Config, Config) {
	var hc huma.Config
	if config.Huma == nil {
		hc = huma.DefaultConfig(config.Title, config.Version)
		hc.Info.Description = config.Description
		hc.Info.License = config.License
		hc.OpenAPIPath, hc.DocsPath = "", ""
		if !config.SchemaLinks {
			hc.CreateHooks, hc.SchemasPath = nil, ""
		}
		hc = runCreateHooks(hc)
		documentLevel(&hc, config)
		return hc, config
	}
	if config.SchemaLinks {
		panic(`signet: Config.SchemaLinks and Config.Huma are both set: with a Huma configuration, the "$schema" links are added by its CreateHooks (huma.DefaultConfig's hook adds them; no hook, no links) and served at its SchemasPath; leave SchemaLinks false`)
	}
	hc = *config.Huma
	hc.OpenAPI = copyDocument(hc.OpenAPI)
	hc.Transformers = slices.Clone(hc.Transformers)
	hc = runCreateHooks(hc)
	checkDocument(hc.OpenAPI)
	checkFormats(hc)
	config.Title = agree("Info.Title", "Title", config.Title, hc.Info.Title)
	config.Version = agree("Info.Version", "Version", config.Version, hc.Info.Version)
	config.Description = agree("Info.Description", "Description", config.Description, hc.Info.Description)
	if config.License != nil && hc.Info.License != nil && !reflect.DeepEqual(config.License, hc.Info.License) {
		panic("signet: Config.License and Config.Huma.Info.License differ: set the license in one place")
	}
	if config.License == nil {
		config.License = hc.Info.License
	}
	hc.Info.Title, hc.Info.Version, hc.Info.Description, hc.Info.License = config.Title, config.Version, config.Description, config.License
	config = documentPathsOf(hc, config)
	config.DocsPath = agreePath("DocsPath", "DocsPath", config.DocsPath, hc.DocsPath)
	if config.DocsPath != Disabled {
		checkDocsRenderer(hc.DocsRenderer)
	}
	hc.OpenAPIPath, hc.DocsPath = "", "" // Signet serves them itself
	documentLevel(&hc, config)
	return hc, config
}

// documentLevel puts Config's servers, security schemes and default
// security in the document, beside those the Huma configuration has:
// servers and security set in both must agree, and schemes are merged by
// name (one name, one scheme). The schemes map exists even when empty, so
// that a program may add to app.OpenAPI().Components.SecuritySchemes.
func documentLevel(hc *huma.Config, config Config) {
	if config.Servers != nil && hc.Servers != nil && !reflect.DeepEqual(config.Servers, hc.Servers) {
		panic("signet: Config.Servers and Config.Huma.Servers differ: set the servers in one place")
	}
	if config.Servers != nil {
		hc.Servers = config.Servers
	}
	if config.Security != nil && hc.Security != nil && !reflect.DeepEqual(config.Security, hc.Security) {
		panic("signet: Config.Security and Config.Huma.Security differ: set the default security in one place")
	}
	if config.Security != nil {
		hc.Security = config.Security
	}
	schemes := maps.Clone(hc.Components.SecuritySchemes)
	if schemes == nil {
		schemes = map[string]*huma.SecurityScheme{}
	}
	for name, scheme := range config.SecuritySchemes {
		if other, ok := schemes[name]; ok && !reflect.DeepEqual(other, scheme) {
			panic(fmt.Sprintf("signet: Config.SecuritySchemes[%q] and Config.Huma's scheme of that name differ: declare it in one place", name))
		}
		schemes[name] = scheme
	}
	hc.Components.SecuritySchemes = schemes
}

// runCreateHooks runs the configuration's CreateHooks as huma.NewAPI does,
// in order, a hook that adds another one included, and removes them.
func runCreateHooks(hc huma.Config) huma.Config {
	for i := 0; i < len(hc.CreateHooks); i++ {
		hc = hc.CreateHooks[i](hc)
	}
	hc.CreateHooks = nil
	return hc
}

// copyDocument copies what of a document an App changes (its paths, the
// hooks and security schemes Signet or the program add, the info Signet
// fills in), so that the program's huma.Config is left as it was. The
// schema registry stays shared: give each App a configuration of its own.
func copyDocument(doc *huma.OpenAPI) *huma.OpenAPI {
	c := &huma.OpenAPI{}
	if doc != nil {
		*c = *doc
	}
	info := huma.Info{}
	if c.Info != nil {
		info = *c.Info
	}
	c.Info = &info
	components := huma.Components{}
	if c.Components != nil {
		components = *c.Components
	}
	components.SecuritySchemes = maps.Clone(components.SecuritySchemes)
	c.Components = &components
	c.Paths = maps.Clone(c.Paths) // empty, or refused by checkDocument
	c.OnAddOperation = slices.Clone(c.OnAddOperation)
	return c
}

// checkDocument refuses a document Signet cannot start from.
func checkDocument(doc *huma.OpenAPI) {
	if doc.OpenAPI != "" && !strings.HasPrefix(doc.OpenAPI, "3.1.") {
		panic(fmt.Sprintf("signet: Config.Huma.OpenAPI.OpenAPI is %q: Signet's document is OpenAPI 3.1, and it serves the 3.0 version at Config.OpenAPI30JSONPath and OpenAPI30YAMLPath; leave OpenAPI empty or set it to 3.1.0", doc.OpenAPI))
	}
	if len(doc.Paths) > 0 {
		panic(fmt.Sprintf("signet: Config.Huma.OpenAPI.Paths already has %s: Signet documents only the operations it serves; register each as an operation of the App", strings.Join(slices.Sorted(maps.Keys(doc.Paths)), ", ")))
	}
}

// agree returns the value of a setting that both Config (named signetName)
// and Config.Huma (humaName) may give: the one that is set, or both when
// they are equal. It panics when they differ.
func agree(humaName, signetName, signetValue, humaValue string) string {
	switch {
	case signetValue == "":
		return humaValue
	case humaValue == "" || humaValue == signetValue:
		return signetValue
	}
	panic(fmt.Sprintf("signet: Config.%s is %q but Config.Huma.%s is %q: set it in one place", signetName, signetValue, humaName, humaValue))
}

// agreePath is agree for a route's path, where Huma's "" (no route) is
// Signet's Disabled.
func agreePath(humaName, signetName, signetValue, humaValue string) string {
	if humaValue == "" {
		humaValue = Disabled
	}
	if signetValue != "" && signetValue != humaValue {
		panic(fmt.Sprintf("signet: Config.%s is %q but Config.Huma.%s gives %q (Huma's \"\" is Disabled): set it in one place", signetName, signetValue, humaName, humaValue))
	}
	return humaValue
}

// documentPathsOf sets config's document paths to those Huma serves for
// hc.OpenAPIPath: P.json, P.yaml, P-3.0.json and P-3.0.yaml, or none.
func documentPathsOf(hc huma.Config, config Config) Config {
	for _, route := range []struct {
		field  *string
		name   string
		suffix string
	}{
		{&config.OpenAPIJSONPath, "OpenAPIJSONPath", ".json"},
		{&config.OpenAPIYAMLPath, "OpenAPIYAMLPath", ".yaml"},
		{&config.OpenAPI30JSONPath, "OpenAPI30JSONPath", "-3.0.json"},
		{&config.OpenAPI30YAMLPath, "OpenAPI30YAMLPath", "-3.0.yaml"},
	} {
		humaPath := ""
		if hc.OpenAPIPath != "" {
			humaPath = hc.OpenAPIPath + route.suffix
		}
		*route.field = agreePath("OpenAPIPath", route.name, *route.field, humaPath)
	}
	return config
}

// checkDocsRenderer refuses a docs renderer Signet cannot serve. Signet's
// docs page is Swagger UI from assets embedded in the binary, so that it
// works offline; Huma's renderers load from a CDN. Stoplight Elements is
// accepted as huma.DefaultConfig's choice, which a program may never have
// made, and served as Swagger UI, as without Config.Huma.
func checkDocsRenderer(renderer string) {
	switch renderer {
	case "", huma.DocsRendererSwaggerUI, huma.DocsRendererStoplightElements:
		return
	}
	panic(fmt.Sprintf("signet: Config.Huma.DocsRenderer is %q, which loads from a CDN: Signet serves Swagger UI at DocsPath from assets embedded in the binary, so that the docs work offline; set DocsRenderer to huma.DocsRendererSwaggerUI (Config.DocsUI configures it), or DocsPath to \"\" for no docs page", renderer))
}

// checkFormats refuses formats with which Huma could write no response: on
// Huma, every response would panic.
func checkFormats(hc huma.Config) {
	if len(hc.Formats) == 0 {
		panic("signet: Config.Huma.Formats is empty, so no response could be written; start from huma.DefaultConfig, or set Formats (huma.DefaultFormats has JSON)")
	}
	if _, ok := hc.Formats[hc.DefaultFormat]; hc.DefaultFormat != "" && !ok {
		panic(fmt.Sprintf("signet: Config.Huma.DefaultFormat %q is not one of its Formats (%s): add its format, or choose one of them", hc.DefaultFormat, strings.Join(slices.Sorted(maps.Keys(hc.Formats)), ", ")))
	}
}
