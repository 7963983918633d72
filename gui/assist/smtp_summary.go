package assist

// showLastResult puts the summary of the last Run test in front of the
// person, with Copy and Save for a ticket.
func (p *SMTPPanel) showLastResult() {
	if p.lastSummary == "" {
		p.say("No test has run in this tab yet: press Run test.")
		return
	}
	showSummary(p.w, summary{p.lastTitle, p.lastSummary, p.summaryFileName()}, p.say)
}
