package settings

import (
	"regexp"
	"time"

	"github.com/tern-telnet/tern/profiles"
	"github.com/tern-telnet/tern/protocol/pace"
)

// PacingOptions turns settings into the pacer's options; a prompt that
// is not a valid regular expression is an error.
func PacingOptions(p profiles.PacingSettings) (pace.Options, error) {
	opt := pace.Options{LineDelay: time.Duration(p.LineDelayMs) * time.Millisecond, CharDelay: time.Duration(p.CharDelayMs) * time.Millisecond,
		WaitEcho: p.WaitEcho, Timeout: time.Duration(p.TimeoutS) * time.Second}
	if p.Prompt != "" {
		re, err := regexp.Compile(p.Prompt)
		if err != nil {
			return opt, err
		}
		opt.Prompt = re
	}
	return opt, nil
}
