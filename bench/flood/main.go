// Command flood serves one client a flood of terminal output on 127.0.0.1
// and exits: plain lines mixed with coloured ones, like a router's
// "show running-config" or a cat of a log. It prints the port it listens
// on, then waits.
//
//	go run ./bench/flood -mib 20
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
	flag.Parse()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println(ln.Addr().(*net.TCPAddr).Port)
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
