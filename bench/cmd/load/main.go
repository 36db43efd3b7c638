// Command load drives each contender of the bench suite over loopback with
// vegeta at a fixed concurrency (as many requests as the connections
// carry, no pacing) for a bounded time per scenario, in rounds that take
// the contenders in turn, and prints the median requests per second and
// p50/p99 latency as a Markdown table. Every response must
// have the scenario's status, or the command fails.
//
// Servers listen on 127.0.0.1 only. The load generator runs in the same
// process as the server, so both share the machine's cores: compare
// contenders within one run, not across machines.
//
//	go run ./cmd/load -rounds 3 -duration 2s -connections 8
package main

import (
	"flag"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	vegeta "github.com/tsenart/vegeta/v12/lib"

	"github.com/signet-go/signet/bench"
)

func main() {
	duration := flag.Duration("duration", 2*time.Second, "how long each scenario runs on each contender, per round")
	rounds := flag.Int("rounds", 3, "rounds; each runs every contender once, and the medians are reported")
	connections := flag.Int("connections", 8, "concurrent connections (and workers)")
	only := flag.String("scenarios", "", "comma-separated scenarios to run (default: all)")
	flag.Parse()
	if *duration <= 0 || *duration > time.Minute || *connections < 1 || *rounds < 1 || *rounds > 20 {
		log.Fatal("-duration must be in (0, 1m], -connections at least 1, -rounds from 1 to 20")
	}
	fmt.Printf("%d connections; per scenario, %d rounds of %s on each contender in turn; medians; %s\n\n",
		*connections, *rounds, *duration, time.Now().UTC().Format(time.DateTime+" UTC"))
	fmt.Printf("| scenario | contender | requests/s | p50 | p99 | vs raw chi (req/s) | vs Huma (req/s) |\n|---|---|--:|--:|--:|--:|--:|\n")
	failed := false
	for _, sc := range bench.Scenarios {
		if *only != "" && !slices.Contains(strings.Split(*only, ","), sc.Name) {
			continue
		}
		// Rounds interleave the contenders, so that a burst of load from
		// elsewhere on the machine does not fall on one contender only.
		samples := map[string][]*vegeta.Metrics{}
		for range *rounds {
			for _, c := range bench.Contenders {
				m, err := attack(c, sc, *duration, *connections)
				if err != nil {
					log.Printf("%s on %s: %v", sc.Name, c.Name, err)
					failed = true
					continue
				}
				samples[c.Name] = append(samples[c.Name], m)
			}
		}
		rates := map[string]float64{}
		for _, c := range bench.Contenders {
			ms := samples[c.Name]
			if len(ms) == 0 {
				continue
			}
			rate := median(ms, func(m *vegeta.Metrics) float64 { return m.Rate })
			p50 := median(ms, func(m *vegeta.Metrics) float64 { return float64(m.Latencies.P50) })
			p99 := median(ms, func(m *vegeta.Metrics) float64 { return float64(m.Latencies.P99) })
			rates[c.Name] = rate
			fmt.Printf("| %s | %s | %.0f | %s | %s | %s | %s |\n", sc.Name, c.Name, rate,
				round(time.Duration(p50)), round(time.Duration(p99)), relative(rate, rates["raw-chi"]), relative(rate, rates["huma"]))
		}
	}
	if failed {
		os.Exit(1)
	}
}

// median is the median of figure over ms.
func median(ms []*vegeta.Metrics, figure func(*vegeta.Metrics) float64) float64 {
	values := make([]float64, len(ms))
	for i, m := range ms {
		values[i] = figure(m)
	}
	slices.Sort(values)
	if len(values)%2 == 1 {
		return values[len(values)/2]
	}
	return (values[len(values)/2-1] + values[len(values)/2]) / 2
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
