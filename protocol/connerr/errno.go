package connerr

import (
	"errors"
	"slices"
	"syscall"
)

// errnoFamily is how an OS numbers its socket errors.
type errnoFamily int

const (
	// posixErrnos: connect(2), read(2) and write(2) on Linux, macOS and
	// the BSDs, where syscall's constants are the real numbers. (On
	// Windows they are numbers Go invented, which no socket call returns.)
	posixErrnos errnoFamily = iota
	// windowsErrnos: Winsock's WSAE… numbers from connect, send and recv,
	// and the ERROR_… ones an overlapped ConnectEx, WSARecv or WSASend
	// reports for the same events.
	windowsErrnos
)

// errnoEvent is one event a person is told about, with the numbers that
// mean it in each family.
type errnoEvent struct {
	kind           ErrorKind
	posix, windows []syscall.Errno
	// onlyWithBind: the numbers mean a bad bind address only when one
	// was given (EINVAL from bind), and nothing particular otherwise.
	onlyWithBind bool
}

type errnos = []syscall.Errno

// errnoEvents lists each event once. Tern reads the column of its OS
// (errnoFamilyOfOS); the tests read both columns on every OS.
var errnoEvents = []errnoEvent{
	{kind: ErrRefused, posix: errnos{syscall.ECONNREFUSED}, windows: errnos{wsaECONNREFUSED, errConnectionRefused}},
	{kind: ErrBadBind, posix: errnos{syscall.EADDRNOTAVAIL}, windows: errnos{wsaEADDRNOTAVAIL}},
	{kind: ErrBadBind, posix: errnos{syscall.EINVAL}, windows: errnos{wsaEINVAL}, onlyWithBind: true},
	{kind: ErrUnreachable,
		posix:   errnos{syscall.ENETUNREACH, syscall.EHOSTUNREACH},
		windows: errnos{wsaENETUNREACH, wsaEHOSTUNREACH, errNetworkUnreachable, errHostUnreachable}},
	{kind: ErrReset,
		posix:   errnos{syscall.ECONNRESET, syscall.ECONNABORTED, syscall.EPIPE},
		windows: errnos{wsaECONNRESET, wsaECONNABORTED, wsaENETRESET, wsaESHUTDOWN, errNetnameDeleted, errConnectionAborted}},
	{kind: ErrTimedOut, posix: errnos{syscall.ETIMEDOUT}, windows: errnos{wsaETIMEDOUT, errSemTimeout}},
}

// errnoKindOf finds err's system error number in the family's column;
// ErrOther when err has none or the table does not know it.
func errnoKindOf(f errnoFamily, err error, bind string) ErrorKind {
	var errno syscall.Errno
	if !errors.As(err, &errno) {
		return ErrOther
	}
	for _, ev := range errnoEvents {
		numbers := ev.posix
		if f == windowsErrnos {
			numbers = ev.windows
		}
		if slices.Contains(numbers, errno) && (!ev.onlyWithBind || bind != "") {
			return ev.kind
		}
	}
	return ErrOther
}

// Windows' socket errors (winerror.h). Winsock's WSAE… numbers come from
// connect, send and recv; the ERROR_… ones are what an overlapped
// ConnectEx, WSARecv or WSASend may report for the same events. They are
// written out here, not taken from golang.org/x/sys/windows, so that the
// table and its test build on every OS; errno_windows_test.go checks them
// against that package.
const (
	wsaEINVAL             = syscall.Errno(10022)
	wsaEADDRNOTAVAIL      = syscall.Errno(10049)
	wsaENETUNREACH        = syscall.Errno(10051)
	wsaENETRESET          = syscall.Errno(10052)
	wsaECONNABORTED       = syscall.Errno(10053)
	wsaECONNRESET         = syscall.Errno(10054)
	wsaESHUTDOWN          = syscall.Errno(10058)
	wsaETIMEDOUT          = syscall.Errno(10060)
	wsaECONNREFUSED       = syscall.Errno(10061)
	wsaEHOSTUNREACH       = syscall.Errno(10065)
	errNetnameDeleted     = syscall.Errno(64) // a reset connection seen by an overlapped read
	errSemTimeout         = syscall.Errno(121)
	errConnectionRefused  = syscall.Errno(1225)
	errNetworkUnreachable = syscall.Errno(1231)
	errHostUnreachable    = syscall.Errno(1232)
	errConnectionAborted  = syscall.Errno(1236)
)
