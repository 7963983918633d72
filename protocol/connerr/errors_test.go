package connerr

import (
	"context"
	"errors"
	"fmt"
	"net"
	"os"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestErrorsSpeakPlainlyOnEveryOS: the same event reads the same whether
// the system said it in POSIX errno or in Winsock's numbers. Both tables
// run on every OS, so Linux CI checks the Windows words too.
func TestErrorsSpeakPlainlyOnEveryOS(t *testing.T) {
	type tc struct {
		name  string
		errno syscall.Errno
		bind  string
		want  ErrorKind
		words string // the start of the message a person reads
	}
	families := []struct {
		name  string
		table errnoFamily
		cases []tc
	}{
		{"posix", posixErrnos, []tc{
			{"refused", syscall.ECONNREFUSED, "", ErrRefused, "Nothing is listening on mail.example.test port 25 (connection refused)."},
			{"bind not here", syscall.EADDRNOTAVAIL, "192.0.2.77", ErrBadBind, "The bind address 192.0.2.77 is not an address"},
			{"bind invalid", syscall.EINVAL, "192.0.2.77", ErrBadBind, "The bind address 192.0.2.77"},
			{"EINVAL without bind", syscall.EINVAL, "", ErrOther, "Cannot connect to mail.example.test port 25:"},
			{"network unreachable", syscall.ENETUNREACH, "", ErrUnreachable, "This computer has no route to"},
			{"host unreachable", syscall.EHOSTUNREACH, "", ErrUnreachable, "This computer has no route to"},
			{"reset", syscall.ECONNRESET, "", ErrReset, "The connection to mail.example.test port 25 was reset"},
			{"aborted", syscall.ECONNABORTED, "", ErrReset, "The connection to mail.example.test port 25 was reset"},
			{"broken pipe", syscall.EPIPE, "", ErrReset, "The connection to mail.example.test port 25 was reset"},
			{"timed out", syscall.ETIMEDOUT, "", ErrTimedOut, "No answer from mail.example.test port 25 within 15s"},
		}},
		{"windows", windowsErrnos, []tc{
			{"WSAECONNREFUSED", 10061, "", ErrRefused, "Nothing is listening on mail.example.test port 25 (connection refused)."},
			{"ERROR_CONNECTION_REFUSED", 1225, "", ErrRefused, "Nothing is listening on"},
			{"WSAEADDRNOTAVAIL", 10049, "192.0.2.77", ErrBadBind, "The bind address 192.0.2.77 is not an address"},
			{"WSAEINVAL with bind", 10022, "192.0.2.77", ErrBadBind, "The bind address 192.0.2.77"},
			{"WSAEINVAL without bind", 10022, "", ErrOther, "Cannot connect to mail.example.test port 25:"},
			{"WSAENETUNREACH", 10051, "", ErrUnreachable, "This computer has no route to"},
			{"WSAEHOSTUNREACH", 10065, "", ErrUnreachable, "This computer has no route to"},
			{"ERROR_NETWORK_UNREACHABLE", 1231, "", ErrUnreachable, "This computer has no route to"},
			{"ERROR_HOST_UNREACHABLE", 1232, "", ErrUnreachable, "This computer has no route to"},
			{"WSAECONNRESET", 10054, "", ErrReset, "The connection to mail.example.test port 25 was reset"},
			{"WSAECONNABORTED", 10053, "", ErrReset, "The connection to mail.example.test port 25 was reset"},
			{"WSAENETRESET", 10052, "", ErrReset, "The connection to"},
			{"WSAESHUTDOWN", 10058, "", ErrReset, "The connection to"},
			{"ERROR_NETNAME_DELETED", 64, "", ErrReset, "The connection to"},
			{"ERROR_CONNECTION_ABORTED", 1236, "", ErrReset, "The connection to"},
			{"WSAETIMEDOUT", 10060, "", ErrTimedOut, "No answer from mail.example.test port 25 within 15s"},
			{"ERROR_SEM_TIMEOUT", 121, "", ErrTimedOut, "No answer from"},
		}},
	}
	for _, f := range families {
		for _, c := range f.cases {
			t.Run(f.name+"/"+c.name, func(t *testing.T) {
				// As net.Dial returns it: *net.OpError around *os.SyscallError.
				err := &net.OpError{Op: "dial", Net: "tcp", Err: os.NewSyscallError("connectex", c.errno)}
				ce := classifyWith(f.table, fmt.Errorf("telnet: %w", err), "mail.example.test", "25", c.bind, 15*time.Second)
				if ce.Kind != c.want || !strings.HasPrefix(ce.Error(), c.words) {
					t.Fatalf("errno %d: got kind %d %q, want kind %d %q…", uintptr(c.errno), ce.Kind, ce.Error(), c.want, c.words)
				}
				if !errors.Is(ce, c.errno) {
					t.Fatal("the system's error is not kept")
				}
			})
		}
	}
}

// TestErrorsWithoutErrno: what no errno table decides.
func TestErrorsWithoutErrno(t *testing.T) {
	for _, c := range []struct {
		name string
		err  error
		want ErrorKind
	}{
		{"cancelled", context.Canceled, ErrCanceled},
		{"deadline", context.DeadlineExceeded, ErrTimedOut},
		{"i/o timeout", &net.OpError{Op: "dial", Err: os.ErrDeadlineExceeded}, ErrTimedOut},
		{"unknown host", &net.OpError{Op: "dial", Err: &net.DNSError{Err: "no such host", Name: "nowhere.invalid", IsNotFound: true}}, ErrUnknownHost},
		{"anything else", errors.New("something odd"), ErrOther},
	} {
		for _, table := range []errnoFamily{posixErrnos, windowsErrnos} {
			if got := classifyWith(table, c.err, "h", "23", "", time.Second).Kind; got != c.want {
				t.Errorf("%s: got kind %d, want %d", c.name, got, c.want)
			}
		}
	}
}

// TestErrnoTableOfThisOS: Windows reads Winsock numbers, the rest POSIX.
func TestErrnoTableOfThisOS(t *testing.T) {
	want, name := posixErrnos, "posix"
	if runtime.GOOS == "windows" {
		want, name = windowsErrnos, "windows"
	}
	if errnoFamilyOfOS != want {
		t.Fatalf("%s does not use the %s table", runtime.GOOS, name)
	}
}
