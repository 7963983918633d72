// Tern is a desktop Telnet client: PuTTY's sessions and telnet's commands,
// with tabs, searchable scrollback and plain-language errors.
package main

import (
	_ "embed"
	"errors"
	"fmt"
	"os"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/app"

	"github.com/tern-telnet/tern/gui"
	"github.com/tern-telnet/tern/gui/cmdline"
	"github.com/tern-telnet/tern/profiles"
)

//go:embed Icon.png
var iconPNG []byte

var resourceIconPng = fyne.NewStaticResource("Icon.png", iconPNG)

// version is set at build time with -ldflags "-X main.version=...".
var version = "0.1.0"

func main() {
	opts, err := cmdline.Parse(os.Args[1:])
	switch {
	case opts.Help:
		fmt.Print(cmdline.Usage)
		return
	case opts.Version:
		fmt.Println("Tern", version)
		return
	case err != nil && errors.Is(err, cmdline.ErrUsage):
		fmt.Fprintf(os.Stderr, "tern: %s\n%s", cmdline.Message(err), cmdline.Usage)
		if !opts.Launcher && !noConsole() {
			os.Exit(2)
		}
	}
	if err == nil && opts.Profile != "" {
		err = checkProfile(opts.Profile)
		if err != nil {
			fmt.Fprintf(os.Stderr, "tern: %s\n", cmdline.Message(err))
			if !opts.Launcher && !noConsole() {
				os.Exit(2)
			}
		}
	}
	a := app.NewWithID("io.github.tern-telnet.tern")
	a.SetIcon(resourceIconPng)
	gui.Start(a, opts, err)
	stopProfile := profileCPU()
	a.Run()
	stopProfile()
	if err != nil {
		os.Exit(2)
	}
}

// checkProfile makes sure -load names a profile before any window opens.
func checkProfile(name string) error {
	store, err := profileStore()
	if err != nil {
		return nil // the window reports the problem
	}
	f, _ := store.Peek() // the window reports and handles a broken file
	if _, err := profiles.Lookup(f, name); err != nil {
		return fmt.Errorf("%w: %v", cmdline.ErrUsage, err)
	}
	return nil
}

func profileStore() (*profiles.Store, error) {
	if p := os.Getenv("TERN_PROFILES"); p != "" {
		return &profiles.Store{Path: p}, nil
	}
	path, err := profiles.DefaultPath()
	return &profiles.Store{Path: path}, err
}

// noConsole is true where stderr goes nowhere (a Windows GUI program
// started from Explorer): the message must be shown in a dialog.
func noConsole() bool {
	_, err := os.Stderr.Stat()
	return err != nil
}
