//go:build windows

package putty

import (
	"net/url"
	"strconv"

	"golang.org/x/sys/windows/registry"
)

// puttySessionsKey is where PuTTY keeps its saved sessions, under
// HKEY_CURRENT_USER.
const puttySessionsKey = `Software\SimonTatham\PuTTY\Sessions`

// kittySessionsKey is where KiTTY (not portable) keeps its sessions.
const kittySessionsKey = `Software\9bis.com\KiTTY\Sessions`

// ImportRegistry reads PuTTY's sessions from
// HKEY_CURRENT_USER\Software\SimonTatham\PuTTY\Sessions.
func ImportRegistry() (ImportResult, error) {
	return importPuTTYKey(registry.CURRENT_USER, puttySessionsKey, "PuTTY")
}

// ImportKiTTYRegistry reads KiTTY's sessions from
// HKEY_CURRENT_USER\Software\9bis.com\KiTTY\Sessions.
func ImportKiTTYRegistry() (ImportResult, error) {
	return importPuTTYKey(registry.CURRENT_USER, kittySessionsKey, "KiTTY")
}

// importPuTTYKey reads sessions kept as PuTTY keeps them: one subkey of
// path per session, named with %XX escapes, holding strings and DWORDs;
// program (PuTTY or KiTTY) is the one that saved them.
func importPuTTYKey(base registry.Key, path, program string) (ImportResult, error) {
	root, err := registry.OpenKey(base, path, registry.ENUMERATE_SUB_KEYS)
	if err != nil {
		return ImportResult{}, err
	}
	defer root.Close()
	keys, err := root.ReadSubKeyNames(-1)
	if err != nil {
		return ImportResult{}, err
	}
	var sessions []puttySession
	for _, key := range keys {
		k, err := registry.OpenKey(root, key, registry.QUERY_VALUE)
		if err != nil {
			continue
		}
		kv := map[string]string{}
		names, _ := k.ReadValueNames(-1)
		for _, n := range names {
			if s, _, err := k.GetStringValue(n); err == nil {
				kv[n] = s
			} else if i, _, err := k.GetIntegerValue(n); err == nil {
				kv[n] = strconv.FormatUint(i, 10)
			}
		}
		k.Close()
		name, err := url.PathUnescape(key)
		if err != nil {
			name = key
		}
		sessions = append(sessions, puttySession{name: name, kv: kv, from: program})
	}
	return convert(sessions), nil
}
