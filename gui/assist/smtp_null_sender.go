package assist

// An empty From sends MAIL FROM:<>, the null sender (RFC 5321 section
// 4.5.5) that bounces and other delivery reports use. It is legitimate,
// so Tern does not refuse it, but it never goes out without a word: Run
// test asks first, and the MAIL FROM button says what it sent.

// nullSenderWhy explains the null sender in plain words.
const nullSenderWhy = "From is empty, so the test sends MAIL FROM:<> — the null sender that bounces and delivery reports use (RFC 5321 §4.5.5). " +
	"A server may accept it, refuse it, or treat the test message as a bounce. Fill in From to test as an ordinary sender."

// confirmNullSender asks before a Run test with an empty From; then runs
// when the person chooses the null sender. Otherwise the keyboard goes
// to From.
func (p *SMTPPanel) confirmNullSender(then func()) {
	p.Window.ConfirmRisky("Send with an empty sender?", nullSenderWhy, "Send as a bounce (MAIL FROM:<>)", func(ok bool) {
		if ok {
			then()
			return
		}
		p.Say("Run test not started: fill in From, or run it again and choose the empty sender.")
		p.Window.Window().Canvas().Focus(p.from)
	})
}

// saidNullSender is what the MAIL FROM button says after sending the
// null sender by hand.
const saidNullSender = "Sent MAIL FROM:<>: From is empty, which is the null sender bounces use. Fill in From to send as an ordinary sender."
