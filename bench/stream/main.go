// Command stream serves one client a slow stream of log lines on
// 127.0.0.1, like a router's "terminal monitor" or "tail -f" of a syslog:
// -rate lines a second for -secs seconds, then it closes. It prints the
// port it listens on, then waits.
//
//	go run ./bench/stream -rate 10 -secs 70
package main

import (
	"flag"
	"fmt"
	"net"
	"os"
	"time"
)

func main() {
	rate := flag.Int("rate", 10, "lines a second")
	secs := flag.Int("secs", 70, "seconds to stream")
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
	defer c.Close()
	tick := time.NewTicker(time.Second / time.Duration(max(*rate, 1)))
	defer tick.Stop()
	end := time.Now().Add(time.Duration(*secs) * time.Second)
	for i := 0; time.Now().Before(end); i++ {
		<-tick.C
		line := fmt.Sprintf("%s %%LINEPROTO-5-UPDOWN: Line protocol on Interface GigabitEthernet0/%d, changed state to up\r\n",
			time.Now().Format("Jan _2 15:04:05.000"), i%48)
		if _, err := c.Write([]byte(line)); err != nil {
			return
		}
	}
}
