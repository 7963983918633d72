// Package restore puts back the locale variable quietlocale set aside, as
// soon as Fyne's lang package has read it: it imports lang, so its init
// runs after lang's. Import it for its side effect (main does), and a
// C or POSIX locale with a charset starts Tern without "Error parsing user
// locale C" while everything after Fyne's start sees the locale Tern was
// given.
package restore

import (
	_ "fyne.io/fyne/v2/lang" // read the locale first

	"github.com/tern-telnet/tern/internal/quietlocale"
)

func init() { quietlocale.Restore() }
