// Package weight measures what Signet costs a program that uses it, against
// the same program written with Huma and humachi: the size of a
// hello-world binary, its resident memory once it listens, and the modules
// and go line a module that requires Signet gets.
//
// Its tests build the two programs in throwaway modules (Signet through a
// replace directive to this repository), with the same go build flags, and
// fail with the figures they measured when Signet is over its targets:
//
//   - a binary at most 1.3 times Huma's;
//   - idle RSS at most Huma's plus 1.5 MiB with Go 1.27 or newer, 2 MiB
//     before (median of interleaved runs; the goal is 1 MiB, see
//     TestIdleRSS);
//   - at most 85 modules, and none that only Signet's own tests need
//     (the modules of the checks module that the root module lacks);
//   - a go line no higher than Signet's requirements need;
//   - built with Go 1.27 or newer, one JSON engine (encoding/json/v2).
package weight
