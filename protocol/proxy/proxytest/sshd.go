package proxytest

import (
	"fmt"
	"os"
	"os/exec"
	"os/user"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// SSHJump runs OpenSSH's sshd on loopback as a jump host: a throw-away
// host key, and a throw-away key for the user running the test (root on
// CI) in an authorized_keys file of its own; password logins are off.
// It returns an ssh client configuration file whose host "bastion" is
// that sshd, checked strictly against a known_hosts file the test wrote,
// so `ssh -F FILE -W %host:%port bastion` reaches a host through it.
func SSHJump(t *testing.T) string {
	t.Helper()
	sshd := "/usr/sbin/sshd" // sshd wants an absolute path to re-execute itself
	if _, err := os.Stat(sshd); err != nil {
		t.Skip("sshd is not installed (apt-get install openssh-server); the jump-host tests need it")
	}
	keygen := needBinary(t, "ssh-keygen", "openssh-client")
	needBinary(t, "ssh", "openssh-client")
	me, err := user.Current()
	if err != nil {
		t.Skip("no current user: ", err)
	}
	if os.Geteuid() == 0 {
		// sshd running as root wants its privilege separation directory.
		if err := os.MkdirAll("/run/sshd", 0o755); err != nil {
			t.Skip("cannot make /run/sshd: ", err)
		}
	}
	dir := t.TempDir()
	for _, key := range []string{"host_key", "user_key"} {
		out, err := exec.Command(keygen, "-q", "-t", "ed25519", "-N", "", "-C", "tern-test", "-f", filepath.Join(dir, key)).CombinedOutput()
		if err != nil {
			t.Fatalf("ssh-keygen: %v: %s", err, out)
		}
	}
	copyFile(t, filepath.Join(dir, "user_key.pub"), filepath.Join(dir, "authorized_keys"))
	port := FreePort(t)
	writeFile(t, filepath.Join(dir, "sshd_config"), fmt.Sprintf(`Port %d
ListenAddress 127.0.0.1
HostKey %s
PidFile none
AuthorizedKeysFile %s
StrictModes no
UsePAM no
PasswordAuthentication no
KbdInteractiveAuthentication no
PermitRootLogin prohibit-password
AllowTcpForwarding yes
PermitTTY no
X11Forwarding no
LogLevel ERROR
`, port, filepath.Join(dir, "host_key"), filepath.Join(dir, "authorized_keys")))
	hostKey, err := os.ReadFile(filepath.Join(dir, "host_key.pub"))
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, filepath.Join(dir, "known_hosts"), fmt.Sprintf("[127.0.0.1]:%d %s", port, hostKey))
	client := filepath.Join(dir, "ssh_config")
	writeFile(t, client, fmt.Sprintf(`Host bastion
  HostName 127.0.0.1
  Port %d
  User %s
  IdentityFile %s
  IdentitiesOnly yes
  UserKnownHostsFile %s
  GlobalKnownHostsFile /dev/null
  StrictHostKeyChecking yes
  BatchMode yes
  LogLevel ERROR
`, port, me.Username, filepath.Join(dir, "user_key"), filepath.Join(dir, "known_hosts")))
	startProxy(t, port, sshd, "-D", "-e", "-f", filepath.Join(dir, "sshd_config"))
	return client
}

// SSHCommand is the proxy command that reaches %host:%port through the
// jump host SSHJump set up.
func SSHCommand(config string) string {
	return "ssh -F " + config + " -W %host:%port bastion"
}

func writeFile(t *testing.T, path, content string) {
	t.Helper()
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	writeFile(t, to, strings.TrimSpace(string(b))+"\n")
}

// SSHDynamic runs `ssh -D` through the jump host SSHJump set up: OpenSSH's
// dynamic forwarding is a SOCKS 4, 4A and 5 proxy. It returns its port.
func SSHDynamic(t *testing.T, config string) int {
	t.Helper()
	port := FreePort(t)
	startProxy(t, port, needBinary(t, "ssh", "openssh-client"), "-F", config, "-N", "-D", "127.0.0.1:"+strconv.Itoa(port), "bastion")
	return port
}
