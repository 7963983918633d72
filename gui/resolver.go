package gui

import "net"

// Resolver is the DNS resolver for mail domains (tern -mx, the SMTP
// assistant's Mail domain); nil means the system's. main sets it once,
// before Start, from TERN_DNS (a test DNS server).
var Resolver *net.Resolver
