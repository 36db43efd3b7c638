package accesslog

import (
	"bufio"
	"io"
	"net"
	"net/http"
)

// recorder is the http.ResponseWriter the access log hands inward: it
// notes the final status and counts the body bytes, and passes everything
// through.
type recorder struct {
	http.ResponseWriter
	status   int   // the final status written, 0 until then
	bytes    int64 // body bytes written
	hijacked bool  // the handler took the connection over
}

func (w *recorder) WriteHeader(code int) {
	w.ResponseWriter.WriteHeader(code)
	// An informational status (103 Early Hints) precedes the final one;
	// 101 Switching Protocols is final.
	if w.status == 0 && (code >= 200 || code == http.StatusSwitchingProtocols) {
		w.status = code
	}
}

func (w *recorder) Write(p []byte) (int, error) {
	w.implicitOK()
	n, err := w.ResponseWriter.Write(p)
	w.bytes += int64(n)
	return n, err
}

// ReadFrom keeps io.Copy into the response as fast as without the log
// (net/http sends files with sendfile).
func (w *recorder) ReadFrom(src io.Reader) (int64, error) {
	w.implicitOK()
	n, err := io.Copy(w.ResponseWriter, src)
	w.bytes += n
	return n, err
}

// FlushError flushes through http.ResponseController, which prefers it to
// Flush because it reports errors.
func (w *recorder) FlushError() error {
	w.implicitOK()
	return http.NewResponseController(w.ResponseWriter).Flush()
}

// Flush makes the recorder an http.Flusher for handlers that assert one.
func (w *recorder) Flush() { _ = w.FlushError() }

// Hijack hands the connection over to the handler (a WebSocket), for
// handlers that assert an http.Hijacker.
func (w *recorder) Hijack() (net.Conn, *bufio.ReadWriter, error) {
	conn, rw, err := http.NewResponseController(w.ResponseWriter).Hijack()
	if err == nil {
		w.hijacked = true
	}
	return conn, rw, err
}

// Unwrap lets http.ResponseController reach the writer underneath, for
// write deadlines and whatever else it learns to do.
func (w *recorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// implicitOK notes the 200 net/http sends when a handler writes or flushes
// before it writes a status.
func (w *recorder) implicitOK() {
	if w.status == 0 {
		w.status = http.StatusOK
	}
}
