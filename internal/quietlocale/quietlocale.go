// Package quietlocale keeps Fyne from printing "Error parsing user locale
// C" when Tern starts under a C or POSIX locale with a charset (LANG=C.UTF-8,
// the usual value in containers and minimal systems).
//
// Fyne's lang package reads the locale while it is initialised, before main
// runs. It takes the first of LC_ALL, LC_MESSAGES and LANG that is set; a bare
// "C" or "POSIX" means "no locale" to it, but "C.UTF-8" becomes the language
// tag "C", which is not well-formed, and the error goes to stderr. This
// package's init runs before Fyne's (it imports only the standard library and
// its import path sorts before golang.org/x/text, which Fyne's lang needs
// first; TestNoLocaleErrorAtStartUp in package main checks the order holds),
// and shortens such a value to its bare form for Fyne to read; Restore,
// called by the init of package restore right after Fyne's, puts the
// original back. Import restore, not this package.
package quietlocale

import (
	"os"
	"strings"
)

// localeVars are the variables that name the locale for messages, in the
// order they take precedence (gettext's, and Fyne's locale reader's).
var localeVars = [...]string{"LC_ALL", "LC_MESSAGES", "LANG"}

// change is one environment variable set aside while Fyne starts.
type change struct {
	name, was string
}

var hidden change

func init() {
	hidden = hide(os.Getenv, os.Setenv)
}

// hide shortens the variable that decides the messages locale to "C" or
// "POSIX" when it names one of those with a charset or modifier. It returns
// what it changed (an empty name when it changed nothing). LANGUAGE is left
// alone: when set, Fyne reads it instead and the value is a language list.
func hide(getenv func(string) string, setenv func(string, string) error) change {
	for _, name := range localeVars {
		v := getenv(name)
		if v == "" {
			continue
		}
		bare := bareName(v)
		if bare == "" || bare == v || getenv("LANGUAGE") != "" {
			return change{}
		}
		if setenv(name, bare) != nil {
			return change{}
		}
		return change{name: name, was: v}
	}
	return change{}
}

// bareName returns "C" or "POSIX" when value is that locale with a charset
// or modifier after it ("C.UTF-8", "POSIX@euro"), the value itself when it is
// already bare, and "" for any other locale.
func bareName(value string) string {
	base, _, _ := strings.Cut(value, ".")
	base, _, _ = strings.Cut(base, "@")
	if base == "C" || base == "POSIX" {
		return base
	}
	return ""
}

// Restore puts back the locale variable init shortened, so that C libraries
// and the programs Tern starts (a proxy command) see the environment Tern was
// started with. Package restore calls it once Fyne has read the locale.
// Calling it again does nothing.
func Restore() {
	if hidden.name != "" {
		_ = os.Setenv(hidden.name, hidden.was)
		hidden = change{}
	}
}
