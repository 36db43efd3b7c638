//go:build race

package main

// raceEnabled is whether the tests run with the race detector: the command
// they build is then built with it too, which checks the command for races
// and reuses the packages the test build compiled.
const raceEnabled = true
