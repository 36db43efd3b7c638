// Command load drives each contender of the bench suite over loopback with
// vegeta at a fixed concurrency (as many requests as the connections
// carry, no pacing) for a bounded time per scenario, and prints requests
// per second and p50/p99 latency as a Markdown table. Every response must
// have the scenario's status, or the command fails.
//
// Servers listen on 127.0.0.1 only. The load generator runs in the same
// process as the server, so both share the machine's cores: compare
// contenders within one run, not across machines.
//
//	go run ./cmd/load -duration 5s -connections 8
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"strconv"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/signet-go/signet/bench"
)

func main() {
	duration := flag.Duration("duration", 3*time.Second, "how long each scenario runs on each contender")
	connections := flag.Int("connections", 8, "concurrent connections (and workers)")
	only := flag.String("scenarios", "", "comma-separated scenarios to run (default: all)")
	flag.Parse()
	if *duration <= 0 || *duration > time.Minute || *connections < 1 {
		log.Fatal("-duration must be in (0, 1m] and -connections at least 1")
	}
	fmt.Printf("%d connections, %s per scenario and contender, %s\n\n", *connections, *duration, time.Now().UTC().Format(time.DateTime+" UTC"))
	fmt.Printf("| scenario | contender | requests/s | p50 | p99 | vs raw chi (req/s) | vs Huma (req/s) |\n|---|---|--:|--:|--:|--:|--:|\n")
	failed := false
	for _, sc := range bench.Scenarios {
		if *only != "" && !contains(strings.Split(*only, ","), sc.Name) {
			continue
		}
		rates := map[string]float64{}
		for _, c := range bench.Contenders {
			m, err := attack(c, sc, *duration, *connections)
			if err != nil {
				log.Printf("%s on %s: %v", sc.Name, c.Name, err)
				failed = true
				continue
			}
			rates[c.Name] = m.Rate
			fmt.Printf("| %s | %s | %.0f | %s | %s | %s | %s |\n", sc.Name, c.Name, m.Rate,
				round(m.Latencies.P50), round(m.Latencies.P99), relative(m.Rate, rates["raw-chi"]), relative(m.Rate, rates["huma"]))
		}
	}
	if failed {
		os.Exit(1)
	}
}

// attack serves c on 127.0.0.1 and sends sc's request for duration.
func attack(c bench.Contender, sc bench.Scenario, duration time.Duration, connections int) (*vegeta.Metrics, error) {
	server := httptest.NewUnstartedServer(c.API())
	// Fuego writes its default status after a handler's 304; net/http logs
	// each "superfluous WriteHeader". The responses are checked below.
	server.Config.ErrorLog = log.New(io.Discard, "", 0)
	server.Start()
	defer server.Close()
	target := vegeta.Target{Method: sc.Method, URL: server.URL + sc.Target, Header: sc.RequestHeader(), Body: []byte(sc.Body)}
	attacker := vegeta.NewAttacker(
		vegeta.Workers(uint64(connections)), vegeta.MaxWorkers(uint64(connections)),
		vegeta.Connections(connections), vegeta.MaxConnections(connections), vegeta.KeepAlive(true),
		vegeta.Timeout(10*time.Second),
	)
	var m vegeta.Metrics
	for res := range attacker.Attack(vegeta.NewStaticTargeter(target), vegeta.Rate{Freq: 0}, duration, sc.Name) {
		m.Add(res)
	}
	m.Close()
	want := strconv.Itoa(sc.Status)
	if m.Requests == 0 || m.StatusCodes[want] != int(m.Requests) {
		return nil, fmt.Errorf("want every status %s, got %v (errors: %v)", want, m.StatusCodes, m.Errors)
	}
	return &m, nil
}

func relative(rate, reference float64) string {
	if reference == 0 {
		return "-"
	}
	return fmt.Sprintf("%.2fx", rate/reference)
}

func round(d time.Duration) string {
	return d.Round(time.Microsecond).String()
}

func contains(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}
