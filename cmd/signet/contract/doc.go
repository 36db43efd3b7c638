// Package contract compares two OpenAPI documents of one API, an older
// (the base) and a newer (the revision), and reports what changed for the
// API's clients: each change with its level, the operation it concerns and
// what changed. It is what the signet diff command and the contracttest
// helper run.
//
// A change is [Breaking] when a client written against the base may fail
// against the revision (a removed operation, a new required request field, a
// narrowed request enum, a field removed from a response), a [Warning] when it
// may or may not break clients, and [Info] when it cannot (an added
// operation, a new optional field). The comparison is oasdiff's
// (github.com/oasdiff/oasdiff), with its rules and messages; this package
// loads the documents, maps oasdiff's levels to these three and writes the
// result as text, JSON or Markdown.
//
// Documents may be JSON or YAML, OpenAPI 3.0 or 3.1; a 3.0 document can be
// compared with a 3.1 one. They must be self-contained: a $ref to another
// file or a URL is refused, so comparing documents never reads files or the
// network.
package contract
