package web

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
)

// statusWords says what a status means to a person; %s is the redirect
// target or the header the status refers to.
var statusWords = map[int]string{
	100: "the server waits for the request body.",
	101: "the connection now speaks %s, not HTTP.",
	200: "success; the content follows.",
	201: "the request made a new resource.",
	204: "success, with nothing to show.",
	206: "only the requested range follows.",
	301: "a permanent redirect to %s; browsers and search engines remember it.",
	302: "a temporary redirect to %s.",
	303: "the answer is at %s (fetched with GET).",
	304: "the copy the client already has is current.",
	307: "a temporary redirect to %s, keeping the method and body.",
	308: "a permanent redirect to %s, keeping the method and body.",
	400: "the server could not understand the request; check the request line and headers.",
	401: "a login is needed (%s).",
	403: "the server understood the request and refuses it.",
	404: "nothing at this path on this host; check the path, and the Host header (one server often serves several sites by name).",
	405: "this path allows %s.",
	408: "the server gave up waiting for the whole request.",
	421: "this server does not serve that Host here.",
	429: "the client is being rate-limited (Retry-After: %s).",
	500: "the application behind the server failed.",
	502: "a proxy or load balancer got no valid answer from the server behind it.",
	503: "overloaded or down for maintenance (Retry-After: %s).",
	504: "a proxy or load balancer waited in vain for the server behind it.",
}

// statusArg is the header each status's %s names.
var statusArg = map[int]string{101: "Upgrade", 401: "WWW-Authenticate", 405: "Allow", 429: "Retry-After", 503: "Retry-After"}

var classWords = [...]string{
	1: "an interim answer; the final one follows",
	2: "success",
	3: "a redirect: the client should look elsewhere",
	4: "the request was refused or is wrong (a client error)",
	5: "the server failed (a server error)",
}

// Explain says in plain words what resp, the answer to req, means: its
// status (and a redirect's target, resolved against the request's URL),
// how its body was framed against what arrived, whether the connection
// stays open, HSTS and the Server header. https says the request went
// over TLS.
func Explain(req Request, resp Response, https bool) []string {
	if resp.Status == 0 {
		return append([]string{fmt.Sprintf("Not HTTP: the server answered %q.", resp.Reason)}, framing(resp)...)
	}
	f := []string{statusFinding(req, resp, https), bodyFinding(req, resp), connectionFinding(resp)}
	if h := hstsFinding(resp, https); h != "" {
		f = append(f, h)
	}
	f = append(f, serverFinding(resp))
	return append(f, framing(resp)...)
}

func statusFinding(req Request, resp Response, https bool) string {
	head := fmt.Sprintf("Status %d %s: ", resp.Status, resp.Reason)
	words, ok := statusWords[resp.Status]
	if !ok {
		class := resp.Status / 100
		if class < 1 || class > 5 {
			return head + "not a status code HTTP defines."
		}
		return head + classWords[class] + "."
	}
	if !strings.Contains(words, "%s") {
		return head + words
	}
	arg := resp.Header(statusArg[resp.Status])
	if resp.Status/100 == 3 {
		arg = redirectTarget(req, resp, https)
	}
	if arg == "" {
		arg = "not said: no " + statusArg[resp.Status] + " header"
	}
	return head + fmt.Sprintf(words, arg)
}

// redirectTarget is the Location, resolved, with what changes about it.
func redirectTarget(req Request, resp Response, https bool) string {
	loc := resp.Header("Location")
	if loc == "" {
		return "nowhere: the Location header is missing"
	}
	scheme := "http"
	if https {
		scheme = "https"
	}
	path := req.Path
	if path == "" {
		path = "/"
	}
	base, err1 := url.Parse(scheme + "://" + req.Host + path)
	ref, err2 := url.Parse(loc)
	if err1 != nil || err2 != nil {
		return loc + " (not a valid URL)"
	}
	to := base.ResolveReference(ref)
	var notes []string
	switch {
	case to.String() == base.String():
		notes = append(notes, "the same URL: a redirect loop")
	case to.Scheme != base.Scheme:
		notes = append(notes, "from "+strings.ToUpper(base.Scheme)+" to "+strings.ToUpper(to.Scheme))
	}
	if to.Host != base.Host {
		notes = append(notes, "another host")
	}
	if len(notes) == 0 {
		return to.String()
	}
	return to.String() + " (" + strings.Join(notes, ", ") + ")"
}

func bodyFinding(req Request, r Response) string {
	switch {
	case r.NoBody && strings.EqualFold(req.Method, "HEAD") && !r.Interim() && r.Status != 204 && r.Status != 304:
		return "Body: none, as in every answer to HEAD (a Content-Length here is what GET would send)."
	case r.NoBody:
		return fmt.Sprintf("Body: none, as a %d response never has one.", r.Status)
	case r.Chunked && r.Complete:
		return fmt.Sprintf("Body: sent chunked (Transfer-Encoding: chunked, so no Content-Length): %s in %d chunks.", bytesText(r.BodyBytes), r.Chunks)
	case r.Chunked:
		return fmt.Sprintf("Body: sent chunked, but cut short: %s in %d chunks, and the last (empty) chunk never came.", bytesText(r.BodyBytes), r.Chunks)
	case r.ContentLength >= 0 && r.Complete:
		return fmt.Sprintf("Body: Content-Length says %s, and %s arrived.", bytesText(r.ContentLength), bytesText(r.BodyBytes))
	case r.ContentLength >= 0:
		return fmt.Sprintf("Body: Content-Length says %s, but only %s arrived: the body was cut short.", bytesText(r.ContentLength), bytesText(r.BodyBytes))
	case r.Complete:
		return fmt.Sprintf("Body: no Content-Length and no chunking, so it ran until the server closed the connection: %s.", bytesText(r.BodyBytes))
	}
	return fmt.Sprintf("Body: no Content-Length and no chunking, so it ends only when the server closes the connection; %s so far.", bytesText(r.BodyBytes))
}

func bytesText(n int64) string {
	if n == 1 {
		return "1 byte"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

func connectionFinding(r Response) string {
	for _, v := range r.Values("Connection") {
		if strings.EqualFold(v, "close") {
			return "Connection: close: the server ends the connection after this response."
		}
		if strings.EqualFold(v, "keep-alive") && r.Proto == "HTTP/1.0" {
			return "Connection: keep-alive: this HTTP/1.0 server keeps the connection open for another request."
		}
	}
	if r.Proto == "HTTP/1.0" {
		return "Connection: HTTP/1.0 without keep-alive, so the connection ends after this response."
	}
	return "Connection: stays open for further requests (HTTP/1.1 persistent connection)."
}

// hstsFinding reads Strict-Transport-Security (RFC 6797).
func hstsFinding(r Response, https bool) string {
	v := r.Header("Strict-Transport-Security")
	switch {
	case v == "" && https && r.Status/100 == 2:
		return "HSTS: none; browsers may still try plain HTTP for this site first."
	case v == "":
		return ""
	case !https:
		return "HSTS: sent over plain HTTP, where browsers ignore it (RFC 6797 §8.1); it counts only over HTTPS."
	}
	age, sub, preload := int64(-1), false, false
	for _, d := range strings.Split(v, ";") {
		name, val, _ := strings.Cut(strings.TrimSpace(d), "=")
		switch strings.ToLower(name) {
		case "max-age":
			if n, err := strconv.ParseInt(strings.Trim(val, `"`), 10, 64); err == nil {
				age = n
			}
		case "includesubdomains":
			sub = true
		case "preload":
			preload = true
		}
	}
	switch {
	case age < 0:
		return fmt.Sprintf("HSTS: the header %q has no valid max-age, so browsers ignore it.", v)
	case age == 0:
		return "HSTS: max-age=0 tells browsers to forget the HTTPS-only rule for this site."
	}
	s := "HSTS: browsers will use only HTTPS for this site"
	if sub {
		s += " and its subdomains"
	}
	s += " for " + duration(age)
	if preload {
		s += "; it asks to be on the browsers' preload list"
	}
	return s + "."
}

func duration(sec int64) string {
	if sec < 86400 {
		return fmt.Sprintf("%d seconds", sec)
	}
	return fmt.Sprintf("%d days", sec/86400)
}

func serverFinding(r Response) string {
	v := r.Header("Server")
	if v == "" {
		return "Server: the software is not named (no Server header)."
	}
	if strings.ContainsAny(v, "0123456789") {
		return fmt.Sprintf("Server: %s (it names its version, which many sites hide).", v)
	}
	return fmt.Sprintf("Server: %s.", v)
}

func framing(r Response) []string {
	var f []string
	for _, p := range r.Problems {
		f = append(f, "Problem: "+p+".")
	}
	if r.Dropped > 0 {
		f = append(f, fmt.Sprintf("Problem: %d header lines were left out (malformed, longer than %d bytes, or beyond %d fields).", r.Dropped, maxLine, maxHeaders))
	}
	return f
}
