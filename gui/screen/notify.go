package screen

// Changed returns a channel that holds a value once the model has changed
// since it was last drained: the renderer waits on it instead of polling,
// so an idle screen wakes nobody. Many changes before the renderer looks
// leave one value.
func (s *Screen) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changedChan()
}

func (s *Screen) changedChan() chan struct{} {
	if s.changed == nil {
		s.changed = make(chan struct{}, 1)
	}
	return s.changed
}

// notify is called with the screen locked, after each change.
func (s *Screen) notify() {
	select {
	case s.changedChan() <- struct{}{}:
	default:
	}
}
