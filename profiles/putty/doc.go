// Package putty reads PuTTY's and KiTTY's saved sessions into
// profiles.Profile values: PuTTY's Unix session files, KiTTY's session
// folders, a .reg export and, on Windows, the registry. Each session's
// settings that Tern has no counterpart for are listed in the result. It
// imports no GUI code and writes nothing: the caller saves what it keeps.
package putty
