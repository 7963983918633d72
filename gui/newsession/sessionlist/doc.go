// Package sessionlist is the New session dialog's list of saved sessions:
// PuTTY's selection and keys (one click loads, a double click or Enter
// opens, the arrows move), the sessions grouped in folders that open and
// close, a session's menu, F2 and drag that hand a move to a folder back
// to the dialog, and a folder's menu and F2 on its header that hand a
// rename back. It knows the entries only through the functions it
// is given, never the profiles store.
package sessionlist
