package highlight

// DefaultRules are the rules shown unless the person turns them off:
// what a network admin scans a device's output for. Rules given by the
// person come first and win where they overlap.
const DefaultRules = `# a link or protocol that went down, a port shut by the switch
down  bright-red bold
err-disabled  bright-white on red bold
/%[A-Z0-9_]+-[0-3]-[A-Z0-9_]+/  bright-yellow bold
# refusals and failures (words: matching them costs less than a regexp)
denied  bright-red
error  bright-red
errors  bright-red
fail  bright-red
failed  bright-red
failure  bright-red
invalid  bright-yellow
warning  bright-yellow
up  bright-green`

// Defaults returns DefaultRules parsed.
func Defaults() []Rule {
	rules, err := ParseRules(DefaultRules)
	if err != nil {
		panic(err) // a test parses them too
	}
	return rules
}
