package weight_test

import (
	"os"
	"testing"
)

// A hello-world binary with Signet is at most 1.3 times the same program's
// with Huma and humachi: what a program does not use is not linked in.
func TestBinarySize(t *testing.T) {
	const maxRatio = 1.3
	signet, huma := programs(t)
	s, h := fileSize(t, signet.bin), fileSize(t, huma.bin)
	ratio := float64(s) / float64(h)
	t.Logf("hello-world binary (go %v): Signet %d bytes, Huma + humachi %d bytes: %.2fx", buildFlags, s, h, ratio)
	if ratio > maxRatio {
		t.Errorf("the hello-world binary with Signet is %.2f MB, %.2fx the %.2f MB of Huma + humachi; want at most %.1fx (go tool nm -size -sort size shows what is linked in)",
			float64(s)/1e6, ratio, float64(h)/1e6, maxRatio)
	}
}

func fileSize(t *testing.T, path string) int64 {
	t.Helper()
	info, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return info.Size()
}
