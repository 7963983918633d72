package protocol

// DataTap sees one session's server data, after Telnet processing: Feed
// runs on the session's reading goroutine (Session.OnData) and must not
// block; Close runs once the session's last byte was fed. The assistants'
// reply taps (smtp.Tap, pop3.Tap, imap.Tap, web.Tap) are DataTaps; the
// tab that holds the session feeds them.
type DataTap interface {
	Feed(p []byte)
	Close()
}
