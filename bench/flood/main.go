// Command flood serves one client a flood of terminal output on 127.0.0.1
// and exits: plain lines mixed with coloured ones, like a router's
// "show running-config" or a cat of a log. It prints the port it listens
// on, then waits. With -idle it instead greets every client with one
// line and then says nothing more, until it is killed (for measuring
// idle sessions).
//
//	go run ./bench/flood -mib 20
//	go run ./bench/flood -idle
package main

import (
	"bufio"
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	mib := flag.Int("mib", 20, "MiB to send")
	idle := flag.Bool("idle", false, "greet every client, then stay silent")
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
	if *idle {
		serveIdle(ln)
		return
	}
	ln.(*net.TCPListener).SetDeadline(time.Now().Add(2 * time.Minute))
	c, err := ln.Accept()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	w := bufio.NewWriterSize(c, 64<<10)
	total := *mib << 20
	for sent, i := 0, 0; sent < total; i++ {
		var n int
		if i%5 == 0 {
			n, _ = fmt.Fprintf(w, "\x1b[1;32m%08d\x1b[0m interface GigabitEthernet0/%d \x1b[33mdescription uplink\x1b[0m\r\n", i, i%48)
		} else {
			n, _ = fmt.Fprintf(w, "%08d  ip address 10.%d.%d.1 255.255.255.0  no shutdown  ! the quick brown fox\r\n", i, i%250, i%200)
		}
		sent += n
	}
	w.Flush()
	c.Close()
}

// serveIdle greets each client and keeps its connection open, silent.
func serveIdle(ln net.Listener) {
	open := map[net.Conn]bool{} // held, or the collector would close them
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		fmt.Fprintf(c, "220 idle.example ESMTP ready\r\n")
		open[c] = true
	}
}
