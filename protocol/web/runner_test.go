package web_test

import (
	"errors"
	"testing"

	"github.com/tern-telnet/tern/protocol/web"
)

// TestEndsConnection: when the next request needs a new connection.
func TestEndsConnection(t *testing.T) {
	answer := func(proto string, conn ...string) web.Response {
		r := web.Response{Proto: proto, Status: 200, Reason: "OK", ContentLength: 0, Complete: true}
		for _, c := range conn {
			r.Headers = append(r.Headers, web.Header{"Connection", c})
		}
		return r
	}
	tests := []struct {
		name string
		res  web.Result
		want bool
	}{
		{"HTTP/1.1 persistent", web.Result{Got: true, Response: answer("HTTP/1.1")}, false},
		{"request said close", web.Result{Request: web.Request{Close: true}, Got: true, Response: answer("HTTP/1.1")}, true},
		{"answer says close", web.Result{Got: true, Response: answer("HTTP/1.1", "Close")}, true},
		{"close in a list", web.Result{Got: true, Response: answer("HTTP/1.1", "upgrade, close")}, true},
		{"HTTP/1.0", web.Result{Got: true, Response: answer("HTTP/1.0")}, true},
		{"HTTP/1.0 keep-alive", web.Result{Got: true, Response: answer("HTTP/1.0", "Keep-Alive")}, false},
		{"body until close", web.Result{Got: true, Response: web.Response{Proto: "HTTP/1.1", Status: 200, UntilClose: true, Complete: true}}, true},
		{"no answer", web.Result{Err: errors.New("web: the connection closed without a response")}, true},
		{"not HTTP", web.Result{Got: true, Response: web.Response{Reason: "SSH-2.0-OpenSSH"}}, true},
	}
	for _, tc := range tests {
		if got := tc.res.EndsConnection(); got != tc.want {
			t.Errorf("%s: EndsConnection %v, want %v", tc.name, got, tc.want)
		}
	}
}
