package protocol

// Say shows text in the session's output (never sent to the server), in
// order with the server's data and the session's own lines such as
// "Connected to …" and "Connection closed.". Any goroutine may call it.
func (s *Session) Say(text string) { s.say(text) }
