package smtp

import (
	"fmt"
	"strings"
)

// basic code meanings (RFC 5321 section 4.2.3).
var basicMeaning = map[int]string{
	211: "system status",
	214: "help text",
	220: "the server is ready",
	221: "the server is closing the connection (goodbye)",
	235: "authentication succeeded",
	250: "done: the request was accepted",
	251: "the user is not local; the server will forward the mail",
	252: "the server cannot check the user but will accept the message and try to deliver it",
	334: "the server is waiting for the next authentication step",
	354: "the server is waiting for the message: end it with a line holding only a dot",
	421: "the service is not available now and the server is closing the connection; try again later",
	432: "a password change is needed",
	450: "the mailbox is unavailable just now (busy or temporarily blocked); try again later",
	451: "the server had a local error while processing; try again later",
	452: "the server does not have enough storage just now; try again later",
	454: "temporary authentication or TLS failure; try again later",
	455: "the server cannot take these parameters just now",
	500: "the server did not understand the command (syntax error or a line too long)",
	501: "the command's arguments are wrong",
	502: "the server does not offer this command",
	503: "the commands came in the wrong order",
	504: "the server does not offer this command parameter",
	521: "this host does not accept mail at all",
	523: "the message is too big",
	530: "authentication is required first",
	534: "the authentication mechanism is too weak",
	535: "authentication failed: the user name or password is wrong",
	538: "this authentication mechanism needs an encrypted connection (STARTTLS first)",
	550: "the mailbox is unavailable (it does not exist, or the server refuses mail for it)",
	551: "the user is not local here",
	552: "the message exceeds the storage allowed",
	553: "the mailbox name is not allowed (bad address syntax)",
	554: "the transaction failed, or the server refuses the connection or message",
	555: "the server does not recognise the MAIL FROM or RCPT TO parameters",
}

// enhanced details (RFC 3463 and the IANA registry), most common first.
var enhancedMeaning = map[string]string{
	"2.0.0":  "success",
	"2.1.0":  "the sender address is accepted",
	"2.1.5":  "the recipient address is accepted",
	"2.6.0":  "the message is accepted",
	"2.7.0":  "authentication succeeded",
	"4.2.2":  "the mailbox is full",
	"4.3.0":  "a temporary problem in the mail system",
	"4.4.1":  "no answer from the next host",
	"4.4.2":  "the connection was dropped",
	"4.7.0":  "temporary security or policy refusal (often greylisting: try again in a few minutes)",
	"4.7.1":  "temporarily not authorised (often greylisting or a rate limit)",
	"5.0.0":  "a permanent error",
	"5.1.0":  "bad address",
	"5.1.1":  "the mailbox does not exist",
	"5.1.2":  "the domain of the address does not exist or does not take mail",
	"5.1.3":  "the address is not valid",
	"5.1.7":  "the sender address is not valid",
	"5.1.8":  "the sender's domain is not valid",
	"5.2.1":  "the mailbox is disabled",
	"5.2.2":  "the mailbox is full",
	"5.2.3":  "the message is larger than the mailbox accepts",
	"5.3.4":  "the message is too big for the server",
	"5.4.1":  "no answer from the host, or the recipient is refused",
	"5.5.1":  "the command is not valid",
	"5.5.2":  "a syntax error",
	"5.5.3":  "too many recipients",
	"5.5.4":  "the command's arguments are not valid",
	"5.6.0":  "the message content is not accepted",
	"5.7.0":  "refused for security or policy reasons",
	"5.7.1":  "not authorised: the server refuses this by policy",
	"5.7.8":  "the credentials are wrong",
	"5.7.9":  "the authentication mechanism is too weak",
	"5.7.11": "encryption (STARTTLS) is required first",
	"5.7.23": "SPF check failed: this server may not send mail for the sender's domain",
	"5.7.26": "the message failed the sender domain's DMARC/SPF/DKIM checks",
	"5.7.27": "the sender's domain does not accept mail (null MX)",
}

// maxExplained bounds the reply text Explain reads.
const maxExplained = 4096

// Explain says in plain words what a reply means.
func Explain(r Reply) string {
	if r.Code == 0 {
		return "not an SMTP reply"
	}
	text := r.Text()
	if len(text) > maxExplained { // the words that matter come first
		text = text[:maxExplained]
	}
	text = strings.ToLower(text)
	switch {
	case strings.Contains(text, "relay") && r.Code >= 500:
		return "the server will not accept mail for a domain it does not host from you unless you authenticate (relaying denied)"
	case strings.Contains(text, "greylist"):
		return "greylisted: the server wants you to try again in a few minutes, as real mail servers do"
	case strings.Contains(text, "must issue a starttls") || strings.Contains(text, "encryption required"):
		return "the server wants an encrypted connection first: send STARTTLS"
	}
	var parts []string
	if m, ok := basicMeaning[r.Code]; ok {
		parts = append(parts, m)
	} else {
		parts = append(parts, classMeaning(r.Code))
	}
	if r.Enhanced != "" {
		if m, ok := enhancedMeaning[r.Enhanced]; ok {
			parts = append(parts, fmt.Sprintf("%s: %s", r.Enhanced, m))
		}
	}
	return strings.Join(parts, "; ")
}

func classMeaning(code int) string {
	switch code / 100 {
	case 2:
		return "success"
	case 3:
		return "the server waits for more"
	case 4:
		return "a temporary failure; try again later"
	case 5:
		return "a permanent failure"
	}
	return "an unknown reply"
}
