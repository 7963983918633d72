// Tern is a desktop Telnet client: PuTTY's sessions and telnet's commands,
// with tabs, searchable scrollback and plain-language errors.
package main

import (
	"context"
	_ "embed"
	"errors"
	"fmt"
	"net"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/tern-telnet/tern/gui"
	"github.com/tern-telnet/tern/gui/about"
	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/internal/glcheck"
	_ "github.com/tern-telnet/tern/internal/quietlocale/restore" // no "Error parsing user locale C"
	"github.com/tern-telnet/tern/profiles"
)

//go:embed Icon.png
var iconPNG []byte

var resourceIconPng = fyne.NewStaticResource("Icon.png", iconPNG)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() {
	opts, err := cmdline.Parse(os.Args[1:])
	usage := cmdline.Synopsis + cmdline.MistakeHint
	store, storeErr := profiles.OpenDefault() // the window reports a problem with the file
	if err == nil && opts.Profile != "" && storeErr == nil {
		err, usage = checkProfile(store, opts.Profile), ""
	}
	if done := answerOnConsole(opts, err, usage); done {
		if err != nil {
			os.Exit(2)
		}
		return
	}
	if glErr := glcheck.Check(); glErr != nil {
		glcheck.Report(glErr)
		os.Exit(1)
	}
	setGCGoal()
	a := app.NewWithID("io.github.tern-telnet.tern")
	a.SetIcon(resourceIconPng)
	if opts.Help || opts.Version {
		about.ShowText(a, versionOrUsage(opts))
	} else {
		gui.Start(a, gui.Options{Store: store, Command: opts, UsageErr: err, Version: version,
			Resolver: testResolver(os.Getenv("TERN_DNS")), EachSecond: newAfterBusy().tick})
	}
	stopProfile := profileCPU()
	a.Run()
	stopProfile()
	reportEarlyInput()
	if err != nil {
		os.Exit(2)
	}
}

// answerOnConsole prints -help, -version or a command-line mistake (with
// the synopsis after it, when not empty) on the console Tern was started from,
// and reports whether that is all there is to do. Without a console (a
// double-click on Windows) the window shows them instead, and a mistake
// from a launcher is shown in both.
func answerOnConsole(opts cmdline.Options, err error, usage string) bool {
	switch {
	case err != nil && errors.Is(err, cmdline.ErrUsage):
		if !attachConsole() {
			return false
		}
		fmt.Fprintf(os.Stderr, "tern: %s\n%s", cmdline.Message(err), usage)
		return !opts.Launcher
	case opts.Help || opts.Version:
		if !attachConsole() {
			return false
		}
		fmt.Print(versionOrUsage(opts))
		return true
	}
	return false
}

func versionOrUsage(opts cmdline.Options) string {
	if opts.Help {
		return cmdline.Usage
	}
	return "Tern " + version + "\n"
}

// checkProfile makes sure -load names a profile before any window opens.
func checkProfile(store *profiles.Store, name string) error {
	f, _ := store.Peek() // the window reports and handles a broken file
	if _, err := profiles.Lookup(f, name); err != nil {
		return fmt.Errorf("%w: %v", cmdline.ErrUsage, err)
	}
	return nil
}

// testResolver asks only the DNS server at addr (TERN_DNS=127.0.0.1:5353,
// for tests of -mx against a test DNS server), over TCP; "" means the
// system's resolver.
func testResolver(addr string) *net.Resolver {
	if addr == "" {
		return nil
	}
	return &net.Resolver{PreferGo: true, Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
		var d net.Dialer
		return d.DialContext(ctx, "tcp", addr)
	}}
}
