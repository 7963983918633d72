package assist

import (
	"fmt"
	"strconv"
	"strings"
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/tern-telnet/tern/gui/assist/panel"
	"github.com/tern-telnet/tern/gui/widgets"

	"github.com/tern-telnet/tern/protocol"
	"github.com/tern-telnet/tern/protocol/web"
)

// HTTPPanel is the HTTP assistant beside a tab's terminal: a request
// builder whose request is sent into the live session exactly as its
// preview shows, and the response's status line and headers, explained.
// Its Run test is Send: the request, then the findings in a summary.
type HTTPPanel struct {
	panel.Base

	method         *widget.Select
	path, host     *widgets.EscEntry
	headers        *widgets.EscEntry // one "Name: value" a line
	close          *widget.Check
	preview        *widget.Label  // the request as it will be sent
	Head, findings *widget.Label  // the last response and what it means
	showHead       *widget.Button // the last response's head whole
	content        fyne.CanvasObject

	// On the UI goroutine: the request the responses answer (what the
	// builder last sent), and the session whose last answer ended it
	// (Connection: close), which the server may not have closed yet.
	sent  web.Request
	spent *protocol.Session

	mu  sync.Mutex // guards tap
	tap *web.Tap   // the current session's responses (Attach)
}

// httpMethods are the methods the builder offers: those that need no body.
var httpMethods = []string{"GET", "HEAD", "OPTIONS", "DELETE", "TRACE"}

// httpHint is the assistant's first word, until it has another.
const httpHint = "Build the request, then press Send (Run test, Ctrl+Shift+Enter): it goes into the session exactly as shown."

// NewHTTPPanel makes the HTTP assistant for t: Host is filled in from the
// session's host and port (HTTPS when the session is implicit TLS).
func NewHTTPPanel(w Window, t Tab) *HTTPPanel {
	p := &HTTPPanel{Base: panel.NewBase(w, t, "HTTP")}
	p.Hint = httpHint
	p.NoResult = "No request has been sent from the assistant yet: press Send."
	p.Status.SetText(httpHint)
	p.method = widget.NewSelect(httpMethods, func(string) { p.updatePreview() })
	p.method.SetSelected("GET")
	p.path = p.entry("/path?query", "/")
	p.host = p.entry("host[:port]", p.sessionHost())
	p.headers = widgets.NewEscEntry(true, nil)
	p.headers.SetPlaceHolder("Name: value (one a line)")
	p.headers.SetText("User-Agent: Tern\nAccept: */*")
	p.headers.SetMinRowsVisible(2)
	p.headers.OnChanged = func(string) { p.updatePreview() }
	p.close = widget.NewCheck("Connection: close (the server hangs up after its answer)", func(bool) { p.updatePreview() })
	p.close.SetChecked(true)
	p.preview = widget.NewLabel("")
	p.preview.TextStyle.Monospace = true
	p.Head = widget.NewLabel("The response's status line and headers appear here.")
	p.Head.TextStyle.Monospace = true
	p.Head.Wrapping = fyne.TextWrapBreak
	p.showHead = widget.NewButton("Show all…", nil)
	p.showHead.Disable()
	p.findings = wrapped("")
	p.findings.Hide() // until a response comes
	p.content = p.layout()
	p.updatePreview()
	return p
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

func (p *HTTPPanel) entry(placeholder, text string) *widgets.EscEntry {
	e := widgets.NewEscEntry(false, nil)
	e.SetPlaceHolder(placeholder)
	e.SetText(text)
	e.OnChanged = func(string) { p.updatePreview() }
	return e
}

// https says the session is TLS from the first byte.
func (p *HTTPPanel) https() bool { return p.Tab.Settings().Engine.TLS == protocol.TLSImplicit }

// sessionHost is the Host header for the tab's session.
func (p *HTTPPanel) sessionHost() string {
	e := p.Tab.Settings().Engine
	port := e.Port
	if port == "" {
		port = "23"
	}
	return web.HostHeader(e.Host, port, p.https())
}

func (p *HTTPPanel) layout() fyne.CanvasObject {
	send := widget.NewButton("Send", p.RunTest)
	send.Importance = widget.HighImportance
	p.LastButton = widget.NewButton("Show last result", p.ShowLastResult)
	p.LastButton.Disable()
	fill := widget.NewButton("Host from session", func() { p.host.SetText(p.sessionHost()) })
	header := container.NewVBox(
		container.NewHBox(widget.NewLabelWithStyle("HTTP assistant", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
			layout.NewSpacer(), send, p.LastButton),
		p.Status,
	)
	sends := widget.NewFormItem("Sends", p.preview)
	sends.HintText = "exactly these lines, each ended by CR LF"
	form := widget.NewForm(
		widget.NewFormItem("Request", container.NewBorder(nil, nil, p.method, nil, p.path)),
		widget.NewFormItem("Host", container.NewBorder(nil, nil, nil, fill, p.host)),
		widget.NewFormItem("Headers", p.headers),
		widget.NewFormItem("", p.close),
		sends,
	)
	request := form
	response := container.NewVBox(widget.NewLabelWithStyle("Response", fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		p.findings, panel.WithShowAll(p.Head, p.showHead))
	requestScroll := container.NewVScroll(request)
	p.FollowFocus(requestScroll, request)
	split := container.NewVSplit(requestScroll, container.NewVScroll(response))
	split.Offset = 0.6
	bg := canvas.NewRectangle(theme.Color(theme.ColorNameBackground))
	return container.NewStack(bg, container.NewBorder(header, nil, nil, nil, split))
}

// request reads the builder into a Request and its lines, or says what
// is wrong.
func (p *HTTPPanel) request() (web.Request, []string, error) {
	req := web.Request{Method: p.method.Selected, Path: strings.TrimSpace(p.path.Text), Host: strings.TrimSpace(p.host.Text), Close: p.close.Checked}
	headers, err := headerLines(p.headers.Text)
	if err != nil {
		return req, nil, err
	}
	req.Headers = headers
	lines, err := req.Lines()
	if err != nil {
		return req, nil, fmt.Errorf("%s", strings.TrimPrefix(err.Error(), "web: "))
	}
	return req, lines, nil
}

// headerLines reads the Headers field: one "Name: value" a line, blank
// lines skipped. Whether a name or value can be sent is Request.Lines'
// to say.
func headerLines(text string) ([]web.Header, error) {
	var out []web.Header
	for i, l := range strings.Split(text, "\n") {
		l = strings.TrimRight(l, "\r")
		if strings.TrimSpace(l) == "" {
			continue
		}
		name, value, ok := strings.Cut(l, ":")
		if !ok {
			return nil, fmt.Errorf("header line %d has no colon: write it as Name: value", i+1)
		}
		out = append(out, web.Header{Name: strings.TrimSpace(name), Value: strings.TrimSpace(value)})
	}
	return out, nil
}

// updatePreview shows the request as it will be sent, or what is wrong.
func (p *HTTPPanel) updatePreview() {
	if p.preview == nil || p.close == nil {
		return // still being built
	}
	_, lines, err := p.request()
	if err != nil {
		p.preview.SetText("Cannot send: " + err.Error())
		return
	}
	p.preview.SetText(strings.Join(lines[:len(lines)-1], "\n") + "\n(empty line)")
}

// Name is the protocol's name, for the status bar.
func (p *HTTPPanel) Name() string {
	if p.https() {
		return "HTTPS"
	}
	return "HTTP"
}

// Content is the panel, for the tab to show beside its terminal.
func (p *HTTPPanel) Content() fyne.CanvasObject { return p.content }

// Attach reads a (new) session's responses through a tap of its own,
// which the tab feeds; every response, whether the builder sent the
// request or the person typed it, is shown and explained.
func (p *HTTPPanel) Attach(s *protocol.Session) protocol.DataTap {
	tap := &web.Tap{}
	p.mu.Lock()
	p.tap = tap
	p.mu.Unlock()
	ch, _ := tap.Subscribe() // ends when the tap closes with the session
	https := p.https()
	go func() {
		for r := range ch {
			res := web.Result{Response: r, Got: true, HTTPS: https, TLS: s.TLS()}
			p.Window.UI(func() {
				res.Request = p.sent
				p.showResponse(res)
			})
		}
	}()
	return tap
}

// currentTap is the current session's response tap.
func (p *HTTPPanel) currentTap() *web.Tap {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.tap
}

// showResponse puts a response's head and its findings in the panel.
func (p *HTTPPanel) showResponse(res web.Result) {
	r := res.Response
	var b strings.Builder
	if r.Status != 0 {
		b.WriteString(r.Proto + " " + strconv.Itoa(r.Status) + " " + r.Reason + "\n")
	} else {
		b.WriteString(r.Reason + "\n")
	}
	for _, h := range r.Headers {
		b.WriteString(h.Name + ": " + h.Value + "\n")
	}
	if r.Dropped > 0 {
		fmt.Fprintf(&b, "(%d more header fields not kept)\n", r.Dropped)
	}
	fmt.Fprintf(&b, "(body: %d bytes received)", r.BodyBytes)
	whole := b.String()
	text, more := panel.Head(strings.Split(whole, "\n"), 0)
	if more > 0 {
		text += "\n" + panel.MoreLines(more) + " (Show all… shows the whole head)"
	}
	p.Head.SetText(text)
	p.showHead.OnTapped = func() { panel.ShowAll(p.Window, "Response head", whole) }
	p.showHead.Enable()
	findings := res.Findings()
	for i, f := range findings {
		findings[i] = panel.Clip(f, panel.SayRunes)
	}
	p.findings.SetText("• " + strings.Join(findings, "\n• "))
	p.findings.Show()
}

// SessionEnded is part of Panel: a Send waiting for its
// session learns of the end from the session itself.
func (p *HTTPPanel) SessionEnded(*protocol.Session, error) {}
