package protocol

// SetBackspaceCtrlH chooses what Backspace sends from now on: ^H (true)
// or ^? (false), as Config.BackspaceSendsCtrlH (Change settings).
func (s *Session) SetBackspaceCtrlH(on bool) {
	s.locked(func() {
		s.cfg.BackspaceSendsCtrlH = on
		s.ld.Backspace = 0x7f
		if on {
			s.ld.Backspace = 0x08
		}
	})
}

// SetKeyboardSpecials chooses whether ^C, ^Z and Backspace send Telnet's
// IP, SUSP and EC from now on (Config.KeyboardSpecials).
func (s *Session) SetKeyboardSpecials(on bool) {
	s.locked(func() {
		s.cfg.KeyboardSpecials = on
		s.ld.Specials = on
	})
}
