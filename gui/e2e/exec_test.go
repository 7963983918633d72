//go:build e2e

package e2e

import (
	"errors"
	osexec "os/exec"
)

func command(name string, args ...string) *osexec.Cmd { return osexec.Command(name, args...) }

func exitCode(err error) int {
	var ee *osexec.ExitError
	if errors.As(err, &ee) {
		return ee.ExitCode()
	}
	if err != nil {
		return -1
	}
	return 0
}
