package connerr

import (
	"testing"

	"golang.org/x/sys/windows"
)

// TestWinsockNumbers: the numbers written out in errno.go are Windows' own.
func TestWinsockNumbers(t *testing.T) {
	for _, c := range []struct {
		name      string
		ours, sys error
	}{
		{"WSAEINVAL", wsaEINVAL, windows.WSAEINVAL},
		{"WSAEADDRNOTAVAIL", wsaEADDRNOTAVAIL, windows.WSAEADDRNOTAVAIL},
		{"WSAENETUNREACH", wsaENETUNREACH, windows.WSAENETUNREACH},
		{"WSAENETRESET", wsaENETRESET, windows.WSAENETRESET},
		{"WSAECONNABORTED", wsaECONNABORTED, windows.WSAECONNABORTED},
		{"WSAECONNRESET", wsaECONNRESET, windows.WSAECONNRESET},
		{"WSAESHUTDOWN", wsaESHUTDOWN, windows.WSAESHUTDOWN},
		{"WSAETIMEDOUT", wsaETIMEDOUT, windows.WSAETIMEDOUT},
		{"WSAECONNREFUSED", wsaECONNREFUSED, windows.WSAECONNREFUSED},
		{"WSAEHOSTUNREACH", wsaEHOSTUNREACH, windows.WSAEHOSTUNREACH},
		{"ERROR_NETNAME_DELETED", errNetnameDeleted, windows.ERROR_NETNAME_DELETED},
		{"ERROR_SEM_TIMEOUT", errSemTimeout, windows.ERROR_SEM_TIMEOUT},
		{"ERROR_CONNECTION_REFUSED", errConnectionRefused, windows.ERROR_CONNECTION_REFUSED},
		{"ERROR_NETWORK_UNREACHABLE", errNetworkUnreachable, windows.ERROR_NETWORK_UNREACHABLE},
		{"ERROR_HOST_UNREACHABLE", errHostUnreachable, windows.ERROR_HOST_UNREACHABLE},
		{"ERROR_CONNECTION_ABORTED", errConnectionAborted, windows.ERROR_CONNECTION_ABORTED},
	} {
		if c.ours != c.sys {
			t.Errorf("%s: ours %d, Windows' %d", c.name, c.ours, c.sys)
		}
	}
}
