package loopserver

import (
	"bufio"
	"net"
	"strings"
	"time"
)

// Login is a script for StartScripted: a telnetd in miniature that says
// IAC WILL ECHO, asks "login: " (in bold), echoes the user, asks
// "Password: " without echoing, then answers "Login incorrect" or
// "Welcome" and the prompt "peer$ ", where it echoes one command line and
// answers "ok".
func Login(user, password string) func(net.Conn) {
	return LoginAsking(user, password, "Password: ")
}

// LoginAsking is Login with another password prompt (say "Passwort: ").
func LoginAsking(user, password, prompt string) func(net.Conn) {
	return func(c net.Conn) {
		r := bufio.NewReader(c)
		c.Write([]byte{255, 251, 1}) // IAC WILL ECHO
		c.Write([]byte("\x1b[1mlogin:\x1b[0m "))
		gotUser := readLine(r)
		c.Write([]byte(gotUser + "\r\n\r\n" + prompt))
		gotPassword := readLine(r)
		if gotUser != user || gotPassword != password {
			c.Write([]byte("\r\nLogin incorrect\r\nlogin: "))
			time.Sleep(time.Second)
			return
		}
		c.Write([]byte("\r\nWelcome\r\npeer$ "))
		c.Write([]byte(readLine(r) + "\r\nok\r\npeer$ "))
		time.Sleep(200 * time.Millisecond)
	}
}

// readLine reads one line as a Telnet client sends it, without Telnet
// negotiation (IAC verb option), CR, LF or NUL.
func readLine(r *bufio.Reader) string {
	line, _ := r.ReadString('\n')
	var b strings.Builder
	for i := 0; i < len(line); i++ {
		switch c := line[i]; {
		case c == 255 && i+2 < len(line):
			i += 2
		case c != '\r' && c != '\n' && c != 0:
			b.WriteByte(c)
		}
	}
	return b.String()
}
